/**
 * The seed sample's text layout (data/seed/README.md): 40 header lines (column name, type, min,
 * max), then one value per line per row, starting with the id line; an empty
 * endpoint_description is left out, so a row has 10 lines or 9. The id line
 * (`<uuid>/<uuid>/<n>/<n>`) is what tells rows apart.
 */
const HEADER_LINES = 40;
const ID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\d+\/\d+$/;

/** The sample's rows, each as the 10 column values in order (a left-out description as ''). */
export function parseSeedSample(text: string): string[][] {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n').slice(HEADER_LINES);
  const records: string[][] = [];
  for (const line of lines) {
    if (ID_LINE.test(line)) records.push([line]);
    else if (records.length === 0) throw new Error(`seed sample: expected an id line after the header, got ${JSON.stringify(line.slice(0, 80))}`);
    else records.at(-1)!.push(line);
  }
  return records.map((record) => {
    if (record.length === 10) return record;
    if (record.length === 9) return [...record.slice(0, 5), '', ...record.slice(5)];
    throw new Error(`seed sample: row ${record[0]} has ${record.length} lines, expected 9 or 10`);
  });
}

