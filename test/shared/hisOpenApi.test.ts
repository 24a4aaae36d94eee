import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildHisOpenApi, serializeHisOpenApi } from '../../shared/his/openapi';
import { hisOperations } from '../../shared/his/operations';

const FILE = path.join(__dirname, '..', '..', 'build', 'his-openapi.json');

describe('the published HIS port (build/his-openapi.json)', () => {
  it('is exactly what the zod contract generates (run `npm run his:openapi` after changing shared/his)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(serializeHisOpenApi());
  });

  it('is OpenAPI 3.1 with every operation of the contract, once, under its id', () => {
    const doc = buildHisOpenApi();
    expect(doc.openapi).toBe('3.1.0');
    const published = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, op]) => [(op as { operationId: string }).operationId, `${method} ${p}`]),
    );
    expect(Object.fromEntries(published)).toEqual(
      Object.fromEntries(Object.entries(hisOperations).map(([id, op]) => [id, `${op.method} ${op.path}`])),
    );
  });

  it('resolves every $ref to a component schema, and documents every path parameter', () => {
    const doc = buildHisOpenApi();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(([, id]) => id!);
    expect(refs.length).toBeGreaterThan(20);
    for (const id of new Set(refs)) expect(doc.components.schemas).toHaveProperty(id);
    for (const [p, methods] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      for (const op of Object.values(methods) as { parameters?: { name: string; in: string; description: string }[] }[]) {
        const inPath = (op.parameters ?? []).filter((param) => param.in === 'path');
        expect(inPath.map((param) => param.name)).toEqual(names);
        for (const param of inPath) expect(param.description).not.toBe(param.name);
      }
    }
  });

  it('documents, per operation, the reasons a 404 or 409 names, as a required closed list', () => {
    const doc = buildHisOpenApi();
    type Refusal = { content: { 'application/json': { schema: { properties: { error: { required: string[]; properties: { reason: { enum: string[]; description: string } } } } } } } };
    let documented = 0;
    for (const [id, op] of Object.entries(hisOperations)) {
      const responses = (doc.paths[op.path] as Record<string, { responses: Record<string, Refusal> }>)[op.method]!.responses;
      for (const [status, { reasons }] of Object.entries(op.errors as Record<string, { reasons: readonly string[] }>)) {
        const error = responses[status]!.content['application/json'].schema.properties.error;
        expect([id, status, error.properties.reason.enum]).toEqual([id, status, [...reasons]]);
        expect(error.required).toContain('reason');
        for (const reason of reasons) expect(error.properties.reason.description).toContain(`${reason}: `);
        documented += 1;
      }
    }
    expect(documented).toBeGreaterThanOrEqual(12); // every operation that may refuse, at least one status each
  });

  it('describes the new data the messages need and lets a vendor add fields', () => {
    const { schemas } = buildHisOpenApi().components as unknown as { schemas: Record<string, { properties: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }> };
    expect(schemas.Bill!.required).toEqual(expect.arrayContaining(['begntime', 'diagnoses', 'mdtrtId', 'lines']));
    expect(schemas.BillLine!.required).toEqual(expect.arrayContaining(['rxno', 'rxCirculation', 'orderedBy', 'occurredAt']));
    expect(schemas.Stay!.required).toEqual(
      expect.arrayContaining(['admittedAt', 'dischargedAt', 'admissionDiagnoses', 'dischargeDiagnoses', 'dischargeWay', 'attendingDoctor']),
    );
    expect(schemas.Diagnosis!.required).toEqual(['diagType', 'seq', 'code', 'name', 'main', 'deptCode', 'deptName', 'doctorCode', 'doctorName', 'time']);
    for (const schema of Object.values(schemas)) expect(schema.additionalProperties).toBeUndefined();
  });
});
