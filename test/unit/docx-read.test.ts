import * as assert from 'node:assert/strict';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { docxToMarkdown, locateInDocx, readDocx } from '../../src/docx/read';

/** A Word file the way submissions arrive: empty spacer paragraphs, soft line breaks, a table, Word's own list numbering. */
async function submission(): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [{ reference: 'auto', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('2024年工作总结')] }),
          new Paragraph({}),
          new Paragraph({ children: [new TextRun('　　一、主要工作。'), new TextRun({ text: '全年完成任务', bold: true }), new TextRun('15项。')] }),
          new Paragraph({ children: [new TextRun('1.完善制度'), new TextRun({ text: '2.压实责任', break: 1 })] }),
          new Paragraph({ children: [new TextRun('   ')] }),
          new Table({
            rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('数量')] })] })],
          }),
          new Paragraph({ numbering: { reference: 'auto', level: 0 }, children: [new TextRun('自动编号的段落')] }),
          new Paragraph({ children: [new TextRun('用来检查截取摘录时不会把代理对切成两半的段落，含𠀀字，后面还有一些文字。')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('docx reading', () => {
  it('turns every non-empty paragraph into one Markdown paragraph, keeping soft breaks and indentation', async () => {
    const { text, paragraphs } = await readDocx(await submission());
    assert.equal(
      text,
      [
        '2024年工作总结',
        '　　一、主要工作。全年完成任务15项。',
        '1.完善制度\n2.压实责任',
        '| 项目 | 数量 |\n| --- | --- |',
        '自动编号的段落',
        '用来检查截取摘录时不会把代理对切成两半的段落，含𠀀字，后面还有一些文字。',
      ].join('\n\n') + '\n',
    );
    assert.deepEqual(
      paragraphs.map((paragraph) => paragraph.index),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      paragraphs.filter((paragraph) => paragraph.tableRow).map((paragraph) => paragraph.text),
      ['| 项目 | 数量 |'],
      'a table row is one paragraph; the delimiter row is not a Word paragraph',
    );
    for (const paragraph of paragraphs) {
      assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
    }
    assert.deepEqual(
      paragraphs.filter((paragraph) => paragraph.autoNumbered).map((paragraph) => paragraph.text),
      ['自动编号的段落'],
      'Word numbering is flagged: its marker is not in the text',
    );
  });

  it('gives the editor the same text through docxToMarkdown', async () => {
    const bytes = await submission();
    assert.equal(await docxToMarkdown(bytes), (await readDocx(bytes)).text);
  });

  it('accepts a Buffer as well as a Uint8Array view into a larger buffer', async () => {
    const bytes = await submission();
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const view = padded.subarray(8, 8 + bytes.length);
    assert.equal((await readDocx(view)).text, (await readDocx(Buffer.from(bytes))).text);
  });

  it('rejects a file that is not a Word document', async () => {
    await assert.rejects(readDocx(new TextEncoder().encode('not a zip file')));
  });
});

describe('locateInDocx', () => {
  it('maps offsets to 1-based paragraph numbers, the gap between paragraphs to the one before', async () => {
    const { text, paragraphs } = await readDocx(await submission());
    const second = text.indexOf('一、主要工作');
    assert.equal(locateInDocx(paragraphs, 0).paragraph, 1);
    assert.equal(locateInDocx(paragraphs, second).paragraph, 2);
    assert.equal(locateInDocx(paragraphs, paragraphs[1]!.end + 1).paragraph, 2, 'inside the blank line');
    assert.equal(locateInDocx(paragraphs, text.indexOf('2.压实责任')).paragraph, 3, 'a soft line break stays in its paragraph');
    assert.equal(locateInDocx(paragraphs, text.length + 100).paragraph, 6);
    assert.deepEqual(locateInDocx([], 5), { paragraph: 0, excerpt: '' });
  });

  it('gives a short one-line excerpt around the offset, marking cut ends', async () => {
    const { text, paragraphs } = await readDocx(await submission());
    assert.equal(locateInDocx(paragraphs, text.indexOf('1.完善')).excerpt, '1.完善制度 2.压实责任', 'the line break becomes a space');
    const long = paragraphs[5]!;
    const middle = locateInDocx(paragraphs, long.start + 12).excerpt;
    assert.ok(middle.startsWith('…') && middle.endsWith('…'), middle);
    assert.ok(long.text.includes(middle.slice(1, -1)), middle);
    assert.ok(middle.length <= 8 + 16 + 2 + 1, middle);
  });

  it('never cuts a surrogate pair in half', async () => {
    const { paragraphs } = await readDocx(await submission());
    const long = paragraphs[5]!;
    const surrogateAt = long.text.indexOf('𠀀');
    // Offsets that would put an excerpt edge between the two halves of 𠀀.
    for (const offset of [long.start + surrogateAt + 1 + 8, long.start + surrogateAt + 1 - 16]) {
      const { excerpt } = locateInDocx(paragraphs, offset);
      assert.doesNotMatch(excerpt, /^…?[\udc00-\udfff]|[\ud800-\udbff]…?$/u, excerpt);
    }
  });
});
