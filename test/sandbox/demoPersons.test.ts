import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';

/** GB 11643: the 18th character is the checksum of the first 17; demo data must pass it like real IDs. */
function checksumOf(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

describe('demo persons', () => {
  it.each(DEMO_PERSONS.map((p) => [p.name, p.certno]))('%s has a valid resident ID number', (_name, certno) => {
    expect(certno).toMatch(/^\d{17}[\dX]$/);
    expect(certno[17]).toBe(checksumOf(certno.slice(0, 17)));
    expect(certno.slice(6, 14)).toBe(DEMO_PERSONS.find((p) => p.certno === certno)!.birthday.replaceAll('-', ''));
  });

  it('has unique person numbers, ID numbers and cards', () => {
    for (const key of ['psnNo', 'certno', 'cardNo', 'cardSn'] as const) {
      expect(new Set(DEMO_PERSONS.map((p) => p[key])).size).toBe(DEMO_PERSONS.length);
    }
  });
});
