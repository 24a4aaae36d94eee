import { refuse } from './errors';
import { cstCompact, parseCstCompact } from './wire';

/**
 * msgid = fixmedins_code (12) + yyyyMMddHHmmss (14, China time) + 4 digits (spec §1.1). The
 * platform holds the sender to it: the prefix must be the sender's own code, and the time a real
 * one within the freshness window of the platform's clock when it processes the request — the
 * same window as the gateway's timestamp, so a msgid cannot be prepared early and sent late.
 */
export function checkMsgidShape(msgid: string, fixmedinsCode: string, now: Date, windowSeconds: number): void {
  const m = /^(.{12})(\d{14})(\d{4})$/.exec(msgid);
  if (!m) {
    refuse('msgid', ['须为机构编码（12位）+yyyyMMddHHmmss（14位）+4位数字顺序号', '报文ID格式错误：机构编码12位、时间14位、顺序号4位', '报文ID不符合规则（12位机构编码+14位时间+4位流水）']);
  }
  const [, prefix, time] = m!;
  if (prefix !== fixmedinsCode) {
    refuse('msgid', [`前12位须为发送方的机构编码${fixmedinsCode}`, `报文ID的机构编码与fixmedins_code（${fixmedinsCode}）不一致`, '报文ID不属于本机构']);
  }
  const sent = parseCstCompact(time!);
  if (!sent) refuse('msgid', ['第13至26位须为真实的北京时间（yyyyMMddHHmmss）', `报文ID中的时间${time}无效`]);
  if (Math.abs(Math.floor(sent!.getTime() / 1000) - Math.floor(now.getTime() / 1000)) > windowSeconds) {
    refuse('msgid', [
      `时间部分须在平台时钟（北京时间${cstCompact(now)}）前后${windowSeconds}秒以内`,
      `报文ID时间${time}已超出${windowSeconds}秒的有效期`,
      `报文ID时间与平台时间相差超过${windowSeconds}秒`,
    ]);
  }
}
