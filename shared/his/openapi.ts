import { z } from 'zod';
import { hisOperations, type HisOperation } from './operations';
import { hisErrorBody, hisRefusalBody, hisRegistry } from './schemas';

/**
 * The HIS port as an OpenAPI 3.1 document, generated from the zod contract: what a hospital
 * system's vendor implements. `npm run his:openapi` writes it to build/his-openapi.json, and a
 * test fails when the checked-in file is not what the schemas generate.
 */
export const HIS_CONTRACT_VERSION = '1.1.0';

const PATH_PARAMS: Record<string, string> = {
  psnNo: "The person's platform number (psn_no).",
  regNo: 'The registration number.',
  billNo: 'The bill number.',
  visitNo: 'The HIS visit number (2201 ipt_otp_no).',
  stayNo: 'The inpatient number.',
};

const DESCRIPTION = `What FaceSettle's kiosks need from the hospital information system (HIS), and all they
ask of it. The kiosk settles with the national medical-insurance platform itself; the HIS provides
the bills, slots, stays and catalogue, and records what was paid.

- Money is integer fen (fields end in \`Fen\`); quantities are whole units.
- Times are China time (UTC+8, no daylight saving): dates \`yyyy-MM-dd\`, times \`yyyy-MM-dd HH:mm:ss\`.
- Persons are named by the platform's person number (\`psnNo\`).
- Answers may carry fields not listed here; the kiosk ignores them. An answer that lacks a listed
  field or breaks a rule (an amount that is not unit price × quantity, a total that is not the sum of
  the lines) is refused by the kiosk as if the HIS were down, with the field named in its log.
- Refusals answer \`{"error": {"code", "message", "reason"}}\`: 400 INVALID_REQUEST, 401 UNAUTHORIZED,
  404 NOT_FOUND, 409 CONFLICT. A 404 or 409 of an operation carries \`reason\`, one of the few that
  operation lists (a full slot, a booking held already, an unknown stay number): the kiosk tells
  the patient that reason in its own words and offers the next step (choose another slot, type the
  number again). A 409 without a listed reason is told only that the hospital system did not accept
  it and nothing was charged, with no guess at why; a 404 without one (an unknown path) and any
  other failure (5xx, timeout) are shown as "hospital system unavailable".
- Paying and reopening (bills and stays) are idempotent per settlement id (\`setlId\`), and so are
  cancelling a registration and recording a platform visit: the kiosk repeats a call whose answer it
  lost. Discharging a stay that is no longer admitted is a 409; the kiosk reads the stay first.
- Authentication: optional. When the hospital requires it, every request carries one header whose
  name the terminal configuration sets (\`his.authHeader\`, e.g. \`Authorization\` with the value
  \`Bearer …\`, or \`X-HIS-Key\`) and whose value is kept in the kiosk's encrypted secret store.`;

const stripRoot = (schema: Record<string, unknown>) => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

const ref = (schema: z.ZodType) => {
  const id = hisRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : stripRoot(z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>);
};

const json = (schema: z.ZodType) => ({ 'application/json': { schema: ref(schema) } });

function parameters(op: HisOperation) {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: 'path',
    required: true,
    description: PATH_PARAMS[name!] ?? name!,
    schema: { type: 'string', minLength: 1 },
  }));
  const inQuery = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => {
    const { description, ...rest } = stripRoot(z.toJSONSchema(schema as z.ZodType, { io: 'input' }) as Record<string, unknown>);
    return { name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
  return [...inPath, ...inQuery];
}

function operation(id: string, op: HisOperation) {
  const refusal = (description: string, schema: z.ZodType = hisErrorBody) => ({ description, content: json(schema) });
  const params = parameters(op);
  return {
    operationId: id,
    summary: op.summary,
    description: op.description,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
    responses: {
      [op.ok]: { description: op.summary, content: json(op.answer) },
      400: refusal('Invalid request: the message names the field.'),
      401: refusal('The auth header is missing or wrong (only when the hospital requires one).'),
      ...Object.fromEntries(
        Object.entries(op.errors).map(([status, { description, reasons }]) => [status, refusal(description, hisRefusalBody(Number(status) as 404 | 409, reasons))]),
      ),
    },
  };
}

export function buildHisOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, op] of Object.entries(hisOperations) as [string, HisOperation][]) {
    paths[op.path] = { ...paths[op.path], [op.method]: operation(id, op) };
  }
  const generated = z.toJSONSchema(hisRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas = Object.fromEntries(
    Object.keys(generated)
      .sort()
      .map((id) => [id, stripRoot(generated[id] as Record<string, unknown>)]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'FaceSettle hospital-system (HIS) port', version: HIS_CONTRACT_VERSION, description: DESCRIPTION },
    servers: [
      {
        url: '{hisUrl}',
        description: "The HIS base URL, the terminal configuration's his.url; the paths below are under it.",
        variables: { hisUrl: { default: 'http://127.0.0.1:8790' } },
      },
    ],
    security: [{}, { bearerHeader: [] }, { keyHeader: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerHeader: { type: 'http', scheme: 'bearer', description: 'his.authHeader "Authorization", the stored value "Bearer <token>".' },
        keyHeader: { type: 'apiKey', in: 'header', name: 'X-HIS-Key', description: 'Or any header name set as his.authHeader, with the stored value.' },
      },
    },
  };
}

/** The file's exact text: two-space JSON and a final newline, so the checked-in file diffs cleanly. */
export const serializeHisOpenApi = (): string => `${JSON.stringify(buildHisOpenApi(), null, 2)}\n`;
