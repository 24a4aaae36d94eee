// `npm run his:openapi`: writes the HIS port's OpenAPI document, generated from the zod contract
// in shared/his/. test/shared/hisOpenApi.test.ts fails when the checked-in file differs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeHisOpenApi } from '../shared/his/openapi';

const file = path.join(__dirname, 'his-openapi.json');
writeFileSync(file, serializeHisOpenApi());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
