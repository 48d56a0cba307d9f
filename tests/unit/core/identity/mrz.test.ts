import { describe, expect, it } from 'vitest';
import { parseMrz, readMrzLines, birthDateFrom, expiryDateFrom } from '../../../../src/core/identity/mrz.ts';

/**
 * ICAO Doc 9303 Part 5, appendix (TD1 specimen): the Utopia identity card of Anna Maria
 * Eriksson, document number D23145890, born 12 August 1974, expiring 15 April 2012.
 */
const SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
/** The same card with a 12-character number (D23145890123): note j, overflow into the optional data. */
const LONG_NUMBER = ['I<UTOD23145890<1233<XYZ7<<<<<<', '7408122F1204159UTOAB12<<<<<<<7', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
/** A Moroccan card, valid until 2034. */
const MOROCCAN = ['I<MARJB123456<7<<<<<<<<<<<<<<<', '8405173F3405167MAR<<<<<<<<<<<6', 'AIT<BRAHIM<<AICHA<<<<<<<<<<<<<'];

const TODAY = '2026-01-10';
const parse = (lines: string | readonly string[], today = TODAY) => parseMrz(lines, { today });

/** Replaces the character at 1-based `position` of line `line` (1-based). */
function edit(lines: readonly string[], line: number, position: number, ch: string): string[] {
  return lines.map((text, i) => (i === line - 1 ? text.slice(0, position - 1) + ch + text.slice(position) : text));
}

describe('parseMrz: the ICAO TD1 specimen', () => {
  it('reads every field and verifies every check digit', () => {
    const result = parse(SPECIMEN);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1974-08-12',
      sex: 'F',
      nationality: 'UTO',
      expiryDate: '2012-04-15',
      optionalData1: '',
      optionalData2: '',
      expired: true,
    });
  });

  it('warns that the specimen has expired, and not the day before it did', () => {
    expect(parse(SPECIMEN).warnings).toContainEqual({ code: 'expired', field: 'expiryDate', line: 2, position: 9, expected: '2012-04-15' });
    const onLastDay = parse(SPECIMEN, '2012-04-15');
    expect(onLastDay.data?.expired).toBe(false);
    expect(onLastDay.warnings.map((w) => w.code)).not.toContain('expired');
    expect(parse(SPECIMEN, '2012-04-16').data?.expired).toBe(true);
  });

  it('reads a card that is still valid without warnings', () => {
    const result = parse(MOROCCAN);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.data).toMatchObject({ documentNumber: 'JB123456', surname: 'AIT BRAHIM', givenNames: 'AICHA', birthDate: '1984-05-17', expiryDate: '2034-05-16', nationality: 'MAR', expired: false });
  });
});

describe('parseMrz: the long document number rule (Doc 9303 Part 5, note j)', () => {
  it('joins the overflow to the number and verifies the check digit that follows it', () => {
    const result = parse(LONG_NUMBER);
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ documentNumber: 'D23145890123', optionalData1: 'XYZ7', optionalData2: 'AB12' });
  });

  it('reports a wrong check digit at the end of the overflow, column 19', () => {
    const result = parse(edit(LONG_NUMBER, 1, 19, '4'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'document-number-check', field: 'documentNumber', line: 1, position: 19, found: '4', expected: '3' });
  });

  it('reports an overflow without its closing filler as a malformed number', () => {
    const lines = ['I<UTOD23145890<123456789012345', LONG_NUMBER[1]!, LONG_NUMBER[2]!];
    expect(parse(lines).errors).toEqual([{ code: 'document-number-format', field: 'documentNumber', line: 1, position: 15 }]);
  });
});

describe('parseMrz: one broken check digit per field', () => {
  // Each row changes one character and must produce exactly this one error.
  it.each([
    ['document number check digit', 1, 15, '8', { code: 'document-number-check', field: 'documentNumber', line: 1, position: 15, found: '8', expected: '7' }],
    ['document number itself', 1, 7, '3', { code: 'document-number-check', field: 'documentNumber', line: 1, position: 15, found: '7', expected: '0' }],
    ['birth date check digit', 2, 7, '3', { code: 'birth-date-check', field: 'birthDate', line: 2, position: 7, found: '3', expected: '2' }],
    ['birth date itself (day 13)', 2, 6, '3', { code: 'birth-date-check', field: 'birthDate', line: 2, position: 7, found: '2', expected: '3' }],
    ['expiry check digit', 2, 15, '0', { code: 'expiry-check', field: 'expiryDate', line: 2, position: 15, found: '0', expected: '9' }],
    ['expiry itself (day 16)', 2, 14, '6', { code: 'expiry-check', field: 'expiryDate', line: 2, position: 15, found: '9', expected: '0' }],
    ['composite check digit', 2, 30, '5', { code: 'composite-check', field: 'composite', line: 2, position: 30, found: '5', expected: '6' }],
    ['optional data of line 2 (covered only by the composite)', 2, 20, '7', { code: 'composite-check', field: 'composite', line: 2, position: 30, found: '6', expected: '7' }],
    ['optional data of line 1 (covered only by the composite)', 1, 16, '3', { code: 'composite-check', field: 'composite', line: 2, position: 30, found: '6', expected: '5' }],
  ] as const)('%s', (_name, line, position, ch, expected) => {
    const result = parse(edit(SPECIMEN, line, position, ch));
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject(expected); // may add `suggestions`
  });

  it('cannot see a filler read as a value that weighs 0 modulo 10 (A in column 16 has weight 3): documented limit', () => {
    expect(parse(edit(SPECIMEN, 1, 16, 'A')).ok).toBe(true);
  });

  it('does not blame the composite for an error already reported in the field it covers', () => {
    const codes = parse(edit(SPECIMEN, 2, 7, '3')).errors.map((e) => e.code);
    expect(codes).toEqual(['birth-date-check']);
  });

  it('reports every broken field at once', () => {
    let lines = edit(SPECIMEN, 1, 15, '8');
    lines = edit(lines, 2, 7, '3');
    lines = edit(lines, 2, 15, '0');
    expect(parse(lines).errors.map((e) => e.code)).toEqual(['document-number-check', 'birth-date-check', 'expiry-check']);
  });

  it('lists problems in reading order, line by line, column by column', () => {
    const result = parse([MOROCCAN[0]!, '8405174F34O5167MAR<<<<<<<<<<<6', MOROCCAN[2]!]);
    expect(result.errors.map((e) => [e.code, e.line, e.position])).toEqual([
      ['birth-date-check', 2, 7],
      ['ocr-confusion', 2, 11],
    ]);
  });

  it('rejects dates that are not on the calendar, besides their check digit', () => {
    const result = parse(edit(SPECIMEN, 2, 3, '1')); // 741812: month 18
    expect(result.errors.map((e) => e.code)).toEqual(['birth-date-invalid', 'birth-date-check']);
    expect(result.errors[0]).toMatchObject({ field: 'birthDate', line: 2, position: 1, found: '741812' });
  });
});

describe('parseMrz: OCR confusions are reported, never corrected', () => {
  it('a letter O in the birth date: position, and the digit it probably is', () => {
    const result = parse(edit(SPECIMEN, 2, 3, 'O'));
    expect(result.errors).toEqual([{ code: 'ocr-confusion', field: 'birthDate', line: 2, position: 3, found: 'O', suggested: '0' }]);
    expect(result.data?.birthDate).toBeNull(); // not read as 1974-08-12 behind the agent's back
  });

  it.each([
    ['B for 8 in the birth date', 2, 4, 'B', '8', 'birthDate'],
    ['S for 5 in the expiry', 2, 14, 'S', '5', 'expiryDate'],
    ['Z for 2 in a check digit', 2, 7, 'Z', '2', 'birthDate'],
    ['I for 1 in the composite', 2, 30, 'I', '1', 'composite'],
    ['0 for O in the surname', 3, 7, '0', 'O', 'names'],
    ['1 for I in the document code', 1, 1, '1', 'I', 'documentCode'],
    ['8 for B in the nationality', 2, 16, '8', 'B', 'nationality'],
    ['a space for a filler', 1, 20, ' ', '<', 'optionalData1'],
    ['« for a filler in the name', 3, 25, '«', '<', 'names'],
  ] as const)('%s', (_name, line, position, found, suggested, field) => {
    const result = parse(edit(SPECIMEN, line, position, found));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ code: 'ocr-confusion', field, line, position, found, suggested }]);
  });

  it('a letter O in the document number (where letters are allowed) fails the check digit and names the culprit', () => {
    const result = parse(edit(SPECIMEN, 1, 14, 'O')); // D2314589O
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'document-number-check', line: 1, position: 15, found: '7' });
    expect(result.errors[0]!.suggestions).toContainEqual({ line: 1, position: 14, found: 'O', suggested: '0' });
    expect(result.data?.documentNumber).toBe('D2314589O');
  });

  it('a misread in the optional data fails the composite and names the culprit', () => {
    const card = ['I<MARJB123456<7AB1234<<<<<<<<<', '8405173F3405167MAR<<<<<<<<<<<1', 'AIT<BRAHIM<<AICHA<<<<<<<<<<<<<'];
    expect(parse(card).ok).toBe(true);
    const misread = parse(edit(card, 1, 17, '8')); // AB1234 read as A81234
    expect(misread.errors).toHaveLength(1);
    expect(misread.errors[0]).toMatchObject({ code: 'composite-check', found: '1' });
    expect(misread.errors[0]!.suggestions).toContainEqual({ line: 1, position: 17, found: '8', suggested: 'B' });
  });

  it('a filler read as K after the name is a warning, since no check digit can see it', () => {
    const result = parse(edit(edit(SPECIMEN, 3, 24, 'K'), 3, 25, 'K'));
    expect(result.ok).toBe(true);
    expect(result.warnings.filter((w) => w.code === 'ocr-suspect')).toEqual([
      { code: 'ocr-suspect', field: 'names', line: 3, position: 24, found: 'K', suggested: '<' },
      { code: 'ocr-suspect', field: 'names', line: 3, position: 25, found: 'K', suggested: '<' },
    ]);
    expect(result.data?.givenNames).toBe('ANNA MARIA KK'); // as read: the agent decides
  });

  it('a K that ends a name is not suspect', () => {
    const lines = [...SPECIMEN.slice(0, 2), 'MALIK<<ANNA<<<<<<<<<<<<<<<<<<<'];
    expect(parse(lines).warnings.filter((w) => w.code === 'ocr-suspect')).toEqual([]);
  });

  it('a filler read as K in the optional data is a warning', () => {
    const result = parse(edit(SPECIMEN, 2, 22, 'K'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual({ code: 'ocr-suspect', field: 'optionalData2', line: 2, position: 22, found: 'K', suggested: '<' });
  });

  it('a character outside the MRZ alphabet with no known confusion', () => {
    expect(parse(edit(SPECIMEN, 3, 3, 'É')).errors).toEqual([{ code: 'invalid-character', field: 'names', line: 3, position: 3, found: 'É' }]);
  });

  it('a sex that is not M, F, X or <', () => {
    expect(parse(edit(SPECIMEN, 2, 8, 'W')).errors).toEqual([{ code: 'sex-invalid', field: 'sex', line: 2, position: 8, found: 'W' }]);
    expect(parse(edit(SPECIMEN, 2, 8, '<')).data?.sex).toBe('X');
  });
});

describe('parseMrz: lines, lengths and what is tolerated', () => {
  it('tolerates surrounding whitespace, blank lines, CRLF and lower case', () => {
    const pasted = `\n   ${SPECIMEN[0]!.toLowerCase()}  \r\n\r\n\t${SPECIMEN[1]}\r\n ${SPECIMEN[2]!.toLowerCase()}\n\n`;
    const result = parse(pasted);
    expect(result.ok).toBe(true);
    expect(result.lines).toEqual(SPECIMEN);
  });

  it('cuts a single pasted 90-character line into three', () => {
    expect(parse(SPECIMEN.join('')).data?.documentNumber).toBe('D23145890');
  });

  it.each([
    ['nothing', '', [{ code: 'empty' }]],
    ['only whitespace', ' \n \n', [{ code: 'empty' }]],
    ['two lines', SPECIMEN.slice(0, 2).join('\n'), [{ code: 'line-count', count: 2 }]],
    ['four lines', [...SPECIMEN, SPECIMEN[2]].join('\n'), [{ code: 'line-count', count: 4 }]],
    ['a line too long', [SPECIMEN[0] + '<', SPECIMEN[1], SPECIMEN[2]].join('\n'), [{ code: 'line-too-long', line: 1, length: 31 }]],
    ['line 2 short (its last column is a check digit)', [SPECIMEN[0], SPECIMEN[1]!.slice(0, 29), SPECIMEN[2]].join('\n'), [{ code: 'line-too-short', line: 2, length: 29 }]],
    ['line 1 cut before its check digit', [SPECIMEN[0]!.slice(0, 14), SPECIMEN[1], SPECIMEN[2]].join('\n'), [{ code: 'line-too-short', line: 1, length: 14 }]],
    ['a long number cut before its end filler', ['I<UTOD23145890<1233', LONG_NUMBER[1], LONG_NUMBER[2]].join('\n'), [{ code: 'line-too-short', line: 1, length: 19 }]],
  ])('rejects %s', (_name, input, errors) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(errors);
    expect(result.data).toBeNull();
  });

  it('completes lines 1 and 3 whose missing end can only be fillers, and says so', () => {
    const result = parse([SPECIMEN[0]!.replace(/<+$/, ''), SPECIMEN[1]!, SPECIMEN[2]!.replace(/<+$/, '')]);
    expect(result.ok).toBe(true);
    expect(result.lines).toEqual(SPECIMEN);
    expect(result.warnings).toEqual(expect.arrayContaining([
      { code: 'line-padded', line: 1, length: 15 },
      { code: 'line-padded', line: 3, length: 20 },
    ]));
  });

  it('completes a long-number line 1 once its end filler is there', () => {
    const result = parse(['I<UTOD23145890<1233<', '7408122F1204159UTO<<<<<<<<<<<2', LONG_NUMBER[2]!]);
    expect(result.errors).toEqual([]);
    expect(result.data?.documentNumber).toBe('D23145890123');
  });

  it('warns when the name fills line 3 to the end (it may be cut short)', () => {
    const lines = [...SPECIMEN.slice(0, 2), 'ERIKSSON<<ANNA<MARIA<ELISABETH'];
    expect(parse(lines).warnings).toContainEqual({ code: 'name-truncated', field: 'names', line: 3, position: 30 });
  });

  it('reports a name line with no surname', () => {
    const lines = [...SPECIMEN.slice(0, 2), '<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<'];
    expect(parse(lines).errors).toEqual([{ code: 'names-missing', field: 'names', line: 3, position: 1 }]);
  });

  it('reads a person with a single name as surname only', () => {
    const lines = [...SPECIMEN.slice(0, 2), 'ERIKSSON<<<<<<<<<<<<<<<<<<<<<<'];
    expect(parse(lines).data).toMatchObject({ surname: 'ERIKSSON', givenNames: '' });
  });

  it('reads a birth date with unknown parts as unknown, still verifying its check digit', () => {
    // 74<<<< has check digit 7·7 + 4·3 = 61 → 1; the composite changes with it.
    const lines = ['I<UTOD231458907<<<<<<<<<<<<<<<', '74<<<<1F1204159UTO<<<<<<<<<<<4', SPECIMEN[2]!];
    const result = parse(lines);
    expect(result.errors).toEqual([]);
    expect(result.data?.birthDate).toBeNull();
    expect(result.warnings).toContainEqual({ code: 'birth-date-partial', field: 'birthDate', line: 2, position: 1 });
  });

  it('rejects a today that is not a date (a programming error)', () => {
    expect(() => parseMrz(SPECIMEN, { today: '10/01/2026' })).toThrow(RangeError);
  });

  it('readMrzLines keeps inner characters as they are', () => {
    expect(readMrzLines('  ab c<  \n')).toEqual(['AB C<']);
  });
});

describe('dates: the century relative to today', () => {
  it.each([
    ['740812', '2026-01-10', '1974-08-12'],
    ['251231', '2026-01-10', '2025-12-31'],
    ['260110', '2026-01-10', '2026-01-10'], // born today
    ['260111', '2026-01-10', '1926-01-11'], // tomorrow cannot be a birth date
    ['000229', '2026-01-10', '2000-02-29'],
    ['010229', '2026-01-10', null], // 2001 is no leap year
  ])('birth %s on %s → %s', (yymmdd, today, iso) => {
    expect(birthDateFrom(yymmdd, today)).toBe(iso);
  });

  it.each([
    ['120415', '2026-01-10', '2012-04-15'],
    ['360101', '2026-01-10', '2036-01-01'],
    ['760101', '2026-01-10', '2076-01-01'],
    ['770101', '2026-01-10', '1977-01-01'],
    ['051301', '2026-01-10', null],
    ['010101', '2095-06-01', '2101-01-01'],
  ])('expiry %s on %s → %s', (yymmdd, today, iso) => {
    expect(expiryDateFrom(yymmdd, today)).toBe(iso);
  });
});
