/**
 * Test helpers: open a produced .docx and read the parts of its XML the layout tests check. The XML
 * is machine-written by the `docx` package (no comments, no CDATA, paragraphs never nested in
 * paragraphs), so element-level regular expressions are enough here.
 */
import JSZip from 'jszip';

export interface OpenedDocx {
  zip: JSZip;
  document: string;
  styles: string;
  settings: string;
  /** Footer XML by footerReference type (`default`, `even`, `first`). */
  footers: Map<string, string>;
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the package`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const relations = await part('word/_rels/document.xml.rels');
  const footers = new Map<string, string>();
  for (const reference of elements(document, 'w:footerReference')) {
    const id = attribute(reference, 'r:id');
    const type = attribute(reference, 'w:type');
    const relation = elements(relations, 'Relationship').find((candidate) => attribute(candidate, 'Id') === id);
    const target = relation && attribute(relation, 'Target');
    if (type && target) footers.set(type, await part(`word/${target}`));
  }
  return { zip, document, styles: await part('word/styles.xml'), settings: await part('word/settings.xml'), footers };
}

/** Every start tag (or empty element) named `name`, with its attributes. */
export function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'gu');
  return xml.match(pattern) ?? [];
}

/** The first `<name …>` start tag in `xml`, or undefined. */
export function element(xml: string, name: string): string | undefined {
  return elements(xml, name)[0];
}

export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag);
  return match?.[1];
}

/** `attribute(element(xml, name), attr)`, for the common one-liner. */
export function attributeOf(xml: string, name: string, attr: string): string | undefined {
  const tag = element(xml, name);
  return tag === undefined ? undefined : attribute(tag, attr);
}

export interface XmlRun {
  properties: string;
  text: string;
}

export interface XmlParagraph {
  properties: string;
  runs: XmlRun[];
  text: string;
}

/** The paragraphs of a part in document order (table cell paragraphs included). */
export function paragraphs(xml: string): XmlParagraph[] {
  const result: XmlParagraph[] = [];
  for (const match of xml.matchAll(/<w:p(?=[\s>])[^>]*>([\s\S]*?)<\/w:p>/gu)) {
    const body = match[1]!;
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(body)?.[1] ?? '';
    const runs: XmlRun[] = [];
    for (const run of body.matchAll(/<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/gu)) {
      const runBody = run[1]!;
      runs.push({
        properties: /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(runBody)?.[1] ?? '',
        text: [...runBody.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map((text) => decodeXml(text[1]!)).join(''),
      });
    }
    result.push({ properties, runs, text: runs.map((run) => run.text).join('') });
  }
  return result;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** The East Asian font of a run or style (`w:rFonts w:eastAsia`). */
export function eastAsiaFont(properties: string): string | undefined {
  return attributeOf(properties, 'w:rFonts', 'w:eastAsia');
}

/** The run size in half-points (`w:sz`). */
export function halfPoints(properties: string): number | undefined {
  const value = attributeOf(properties, 'w:sz', 'w:val');
  return value === undefined ? undefined : Number(value);
}

export function isBold(properties: string): boolean {
  const tag = element(properties, 'w:b');
  return tag !== undefined && attribute(tag, 'w:val') !== 'false' && attribute(tag, 'w:val') !== '0';
}
