import type { Level } from '../model/types';

/**
 * Tables as they reach a summary: Markdown pipe rows, HTML table markup, rows of tab-separated cells
 * (a table copied out of a web page or Word), and rows that are a label and figures only. A numbering
 * marker on such a row labels a table row: it is not a section.
 */
export type TableLineKind = 'pipe' | 'html' | 'cells' | 'figures';

const PIPE_ROW = /^[ \t]{0,3}\|.*\|/;
const HTML_ROW = /^[ \t]*<\/?(?:table|thead|tbody|tr|td|th)\b/i;
/** a figure cell: 0, 12, 3.5, 20%, -, — */
const FIGURE = /^(?:[-—–]|[+-]?\d[\d,]*(?:\.\d+)?%?)$/;

/** What kind of table row the line is, if any (the line without its line break). */
export function tableLineKind(line: string): TableLineKind | undefined {
  if (PIPE_ROW.test(line)) return 'pipe';
  if (HTML_ROW.test(line)) return 'html';
  const trimmed = line.replace(/[\s\u3000\u00a0]+$/, '').replace(/^[ \t\u3000\u00a0]+/, '');
  if (trimmed === '') return undefined;
  if (trimmed.includes('\t')) {
    const cells = trimmed.split(/\t+/).map((c) => c.trim()).filter((c) => c !== '');
    // two cells or more, a figure among them, or three cells or more of short text (a header row)
    if (cells.length >= 2 && (cells.some((c) => FIGURE.test(c)) || (cells.length >= 3 && cells.every((c) => c.length <= 20 && !/[。；！？]/.test(c))))) {
      return 'cells';
    }
  }
  // a row of figures only (`| 0 | 1 |` lost its bars), or a short label with figures after it (`行政许可 97`)
  if (/^[-—–\d.,%\s]+$/.test(trimmed) && /\d/.test(trimmed)) return 'figures';
  if (/^[^\d\s。，；：！？,;:!?]{2,16}(?:[ \t\u3000]+(?:[-—–]|\d[\d,.]*%?)){1,12}$/.test(trimmed)) return 'figures';
  return undefined;
}

/**
 * The row labels of the statistics tables of a 政府信息公开工作年度报告, as the mandated format
 * (国办公开办函〔2021〕30号) writes them: level and number of the label's marker, and its text. They
 * label table rows under 三、收到和处理政府信息公开申请情况, and nothing else.
 */
interface StatisticsLabel {
  level: Level;
  number: number;
  text: string;
}

const label = (level: Level, number: number, text: string): StatisticsLabel => ({ level, number, text });

const STATISTICS_LABELS: StatisticsLabel[] = [
  label(1, 1, '本年新收政府信息公开申请数量'),
  label(1, 2, '上年结转政府信息公开申请数量'),
  label(1, 3, '本年度办理结果'),
  label(1, 4, '结转下年度继续办理'),
  label(2, 1, '予以公开'),
  label(2, 2, '部分公开（区分处理的，只计这一情形，不计其他情形）'),
  label(2, 3, '不予公开'),
  label(2, 4, '无法提供'),
  label(2, 5, '不予处理'),
  label(2, 6, '其他处理'),
  label(2, 7, '总计'),
  // under （三）不予公开
  label(3, 1, '属于国家秘密'),
  label(3, 2, '其他法律行政法规禁止公开'),
  label(3, 3, '危及“三安全一稳定”'),
  label(3, 4, '保护第三方合法权益'),
  label(3, 5, '属于三类内部事务信息'),
  label(3, 6, '属于四类过程性信息'),
  label(3, 7, '属于行政执法案卷'),
  label(3, 8, '属于行政查询事项'),
  // under （四）无法提供
  label(3, 1, '本机关不掌握相关政府信息'),
  label(3, 2, '没有现成信息需要另行制作'),
  label(3, 3, '补正后申请内容仍不明确'),
  // under （五）不予处理
  label(3, 1, '信访举报投诉类申请'),
  label(3, 2, '重复申请'),
  label(3, 3, '要求提供公开出版物'),
  label(3, 4, '无正当理由大量反复申请'),
  label(3, 5, '要求行政机关确认或重新出具已获取信息'),
  // under （六）其他处理
  label(3, 1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  label(3, 2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  label(3, 3, '其他'),
];

/** The label text as a copy leaves it: spaces, emphasis and the figures glued after it taken off. */
function normalizedLabel(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0*_#|]+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/,/g, '，')
    .replace(/[\d.,%-]+$/, '');
}

/**
 * How well a marker's text matches a statistics-table label of its level and number: `strong` when
 * it is the label (or four characters or more of its start, as a hard-wrapped PDF cell leaves it, or
 * the label with figures glued on), `prefix` when it is only the first character or two of one (`（三）不`
 * from a cell wrapped after one character), undefined when it is no label.
 */
export function statisticsLabelMatch(level: Level, number: number, headingText: string): 'strong' | 'prefix' | undefined {
  const text = normalizedLabel(headingText.split('\t')[0] ?? '');
  if (text === '') return undefined;
  let best: 'strong' | 'prefix' | undefined;
  for (const l of STATISTICS_LABELS) {
    if (l.level !== level || l.number !== number) continue;
    const target = normalizedLabel(l.text);
    if (text === target) return 'strong';
    if (text.length >= 4 && (target.startsWith(text) || text.startsWith(target))) return 'strong';
    // `（六）其他` for 其他处理, `（四）无2.没有…` (a wrapped cell with the next row glued on)
    const head = text.replace(/\d.*$/, '');
    if (head.length >= 1 && target.startsWith(head)) best = 'prefix';
  }
  return best;
}
