import type { DatabaseSync } from 'node:sqlite';
import { CATALOGUE } from '../seed/catalogue';
import { notFound } from './errors';

/**
 * The hospital's catalogue: its own codes (medins_list_codg) and barcodes mapped to the national
 * list codes (med_list_codg), with its prices. The fund's class and ceilings stay with the
 * platform; the kiosk uploads both codes in 2204/2101 and the platform decides what the fund pays.
 */
export interface HisCatalogueItem {
  medinsListCodg: string;
  medListCodg: string;
  barcode: string | null;
  name: string;
  kind: string;
  cls: string;
  unit: string;
  priceFen: number;
}

export function seedCatalogue(db: DatabaseSync): void {
  const upsert = db.prepare(`
    INSERT INTO his_catalogue (medins_list_codg, med_list_codg, barcode, name, kind, cls, unit, price_fen)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (medins_list_codg) DO UPDATE SET med_list_codg = excluded.med_list_codg, barcode = excluded.barcode,
      name = excluded.name, kind = excluded.kind, cls = excluded.cls, unit = excluded.unit, price_fen = excluded.price_fen`);
  for (const item of CATALOGUE) {
    upsert.run(item.medinsListCodg, item.medListCodg, item.barcode ?? null, item.name, item.kind, item.cls, item.unit, item.priceFen);
  }
}

const toItem = (row: Record<string, unknown>): HisCatalogueItem => ({
  medinsListCodg: String(row['medins_list_codg']),
  medListCodg: String(row['med_list_codg']),
  barcode: row['barcode'] === null ? null : String(row['barcode']),
  name: String(row['name']),
  kind: String(row['kind']),
  cls: String(row['cls']),
  unit: String(row['unit']),
  priceFen: Number(row['price_fen']),
});

export function createCatalogue(db: DatabaseSync) {
  const byCode = db.prepare('SELECT * FROM his_catalogue WHERE medins_list_codg = ?');
  const byBarcode = db.prepare('SELECT * FROM his_catalogue WHERE barcode = ?');
  const search = db.prepare(`
    SELECT * FROM his_catalogue
    WHERE (name LIKE ?1 ESCAPE '\\' OR medins_list_codg LIKE ?1 ESCAPE '\\' OR med_list_codg LIKE ?1 ESCAPE '\\')
      AND (?2 IS NULL OR kind = ?2)
    ORDER BY medins_list_codg LIMIT ?3`);
  return {
    byCode(code: string): HisCatalogueItem {
      const row = byCode.get(code) as Record<string, unknown> | undefined;
      if (!row) throw notFound(`catalogue item ${code}`, 'ITEM_UNKNOWN');
      return toItem(row);
    },
    byBarcode(barcode: string): HisCatalogueItem {
      const row = byBarcode.get(barcode) as Record<string, unknown> | undefined;
      if (!row) throw notFound(`barcode ${barcode}`, 'ITEM_UNKNOWN');
      return toItem(row);
    },
    search(text: string, kind: string | null, limit: number): HisCatalogueItem[] {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return (search.all(pattern, kind, limit) as Record<string, unknown>[]).map(toItem);
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
