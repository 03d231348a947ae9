/**
 * Writes the document fixtures under test/fixtures/docs/ from texts this project wrote: a Japanese commentary
 * (Word with real footnotes, the PDF LibreOffice makes from it, and a plain-text version of the same text), a
 * two-column English brief (Word and PDF), and the bad files the ingest tests feed in (image-only, encrypted,
 * truncated and random PDFs; encrypted, truncated, zip-bomb and DTD-bearing .docx).
 *
 * Run: node --import tsx scripts/make-doc-fixtures.ts
 *
 * Needs, on the machine that regenerates them (CI does not: the outputs are committed):
 *   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
 * poppler's pdftoppm renders the page of the image-only PDF, and pdftotext is the independent oracle for the
 * page each note stands on (commentary-ja.pages.json).
 *
 * Importing this module has no side effects: the tests read the texts (COMMENTARY_JA, BRIEF_EN) and the
 * benchmark calls makeBenchPdf().
 */
import { toRoman } from '../src/ingest/_roman.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync, zlibSync } from 'fflate';

// ---------------------------------------------------------------------------------------------------------------
// The texts. A note is written inline between ⟦ and ⟧ where its marker stands; notes are numbered in order.

export interface DocBlock {
  readonly kind: 'meta' | 'title' | 'heading' | 'paragraph' | 'list-item';
  /** Heading level, 1 = top. */
  readonly level?: number;
  /** The text with its notes inline: `…となった⟦note text⟧。` */
  readonly source: string;
}

export interface DocModel {
  readonly language: 'ja' | 'en';
  /** The running header printed on every page. */
  readonly header: string;
  readonly blocks: readonly DocBlock[];
}

const meta = (source: string): DocBlock => ({ kind: 'meta', source });
const title = (source: string): DocBlock => ({ kind: 'title', source });
const h = (level: number, source: string): DocBlock => ({ kind: 'heading', level, source });
const p = (source: string): DocBlock => ({ kind: 'paragraph', source });
const li = (source: string): DocBlock => ({ kind: 'list-item', source });

export const COMMENTARY_JA: DocModel = {
  language: 'ja',
  header: '海洋安全保障コメンタリー 第27号',
  blocks: [
    meta('海洋安全保障コメンタリー 第27号　2025年2月18日'),
    title('北極海の安全保障と北欧諸国 —— 北欧の識者は何を見ているか'),
    meta('地域研究部 極地・海洋研究室 主任研究官'),
    meta('高村 遥'),
    h(1, 'はじめに'),
    p('2022年2月以降、北欧諸国を取り巻く安全保障環境は急速に変化した。フィンランドは2023年4月4日に、スウェーデンは2024年3月7日に北大西洋条約機構(NATO)に加盟し、北極評議会の加盟8か国のうちロシアを除く7か国がすべて同盟国となった⟦NATO加盟の経緯については、北大西洋条約機構の公式発表(2023年4月4日および2024年3月7日)を参照。⟧。他方、北極海では気候変動による海氷の減少が進み、航路や資源をめぐる各国の関心は一層高まっている⟦Nordic Polar Data Centre, Sea Ice Outlook 2024 (Oslo: NPDC, 2024), pp. 12-15.⟧。'),
    p('本稿では、北極海の安全保障について北欧の識者がどのような見方を示しているかを概観する。北欧の議論は、日本ではロシアや米国の議論に比べて紹介される機会が少ないが、北極海の現場に最も近い国々の視点として参考になる点が多い。以下では、北極海の戦略的地位、北欧の防衛協力、そして北極海航路と経済安全保障の三つの論点について、各識者の見方を整理する⟦本稿で取り上げる識者の肩書は、いずれも論考の発表時点のものである。⟧。'),
    h(1, '北極海の戦略的地位をめぐる見方'),
    p('トロムソ極地政策研究所上席研究員のインゲリド・M・ハウゲンによれば、北極海はもはや「低緊張地域」ではなく、ロシアの戦略核戦力の聖域であるバレンツ海を中心に、軍事的な重要性が再び高まりつつある⟦Ingerid M. Haugen, "The Barents Bastion Revisited," Nordic Security Quarterly, Vol. 18, No. 2 (2024), pp. 33-58.⟧。ハウゲンは、2023年以降にコラ半島周辺で行われた演習の規模が冷戦終結後で最大級であったと指摘する⟦Ibid., p. 41.⟧。'),
    p('これに対し、コペンハーゲン大学准教授のラスムス・K・ビルケルンは、北極海における軍事的緊張の高まりを認めつつも、その主な原因は北極海そのものではなく、欧州正面での対立が北に波及したことにあると分析している⟦Rasmus K. Birkelund, "Spillover in the High North: Why the Arctic Is No Longer Exceptional," Journal of Polar Politics, Vol. 9, No. 1 (2024), pp. 5-27.⟧。ビルケルンによれば、北極海での衝突のリスクは「意図的な攻撃」よりも「偶発的な事故の連鎖」にあり、各国の軍の間の連絡手段が失われていることが最大の問題である⟦Ibid., p. 19.⟧。'),
    p('ウプサラ大学教授のエリク・ストランドベリも、2024年11月の論考で同様の懸念を示した⟦Erik Strandberg, "After the Council: Arctic Cooperation without Russia?" Scandinavian Review of International Affairs, November 2024.⟧。ストランドベリは、北極評議会の活動が2022年3月以降事実上停止したことで、科学協力や捜索救難といった実務的な協力の枠組みまで失われつつあると強調した⟦Ibid.⟧。その上で、ロシアを含む対話の場をどのように再建するかが、今後十年の北極海の安定を左右するとの見方を示している⟦ストランドベリへの筆者によるインタビュー(2024年12月3日、ウプサラ)。⟧。'),
    p('一方で、北極海をめぐる中国の動向に注目する見方もある。ヘルシンキ海洋安全保障センター所長のミッコ・J・ラークソネンは、中国が「近北極国家」を自称して砕氷船の建造や観測活動を拡大していることについて、短期的な軍事的脅威ではないものの、長期的にはロシアとの協力を通じて北極海における存在感を強める可能性があると指摘する⟦Mikko J. Laaksonen, "China\'s Polar Ambitions and the Nordic Response," Helsinki Maritime Papers, No. 41 (2024), pp. 8-11.⟧。ある世論調査では、フィンランド国民の約6割が北極海における中国の活動に懸念を示したとされる⟦「北極と中国に関する世論調査」『ヘルシンキ日報』2024年9月15日。⟧。'),
    h(1, '北欧諸国の防衛協力に対する評価'),
    h(2, '(1)スウェーデンとフィンランドの加盟の意味'),
    p('両国のNATO加盟について、北欧戦略研究フォーラム研究員のペール・O・リンドクヴィストは、バルト海が事実上「NATOの内海」となったことの意味は大きいとしながらも、北極海方面の防衛計画はまだ十分に統合されていないと述べている⟦Per O. Lindqvist, "From Baltic Lake to Arctic Flank," Nordic Strategic Forum Brief, No. 7 (2024).⟧。リンドクヴィストによれば、北欧5か国の空軍は約250機の戦闘機を共同で運用する構想を2023年3月に打ち出したが、その実現には指揮統制の統合という難しい課題が残る⟦Ibid., pp. 3-4.⟧。'),
    p('ハウゲンもまた、フィンランドとスウェーデンの加盟によって北欧の防衛は地理的に一体となったが、ノルウェー北部のフィンマルク県は依然として「最前線」であり、同盟の増援が到着するまでの時間をいかに稼ぐかが課題であると指摘する⟦Haugen, "The Barents Bastion Revisited," p. 50.⟧。'),
    h(2, '(2)同盟の限界に関する議論'),
    p('他方、同盟の抑止力を過大評価すべきではないという声もある。アイスランド大学講師のソルディス・グンナルスドッティルは、アイスランドのように常備軍を持たない国にとって、同盟への依存は安全を高める一方で、自国の判断の余地を狭めることにもなると論じる⟦Þórdís Gunnarsdóttir, "Small States and the Price of Protection," Reykjavik Journal of Security Studies, Vol. 4 (2023), pp. 71-90.⟧。グンナルスドッティルは、グリーンランド・アイスランド・英国を結ぶ海域(いわゆるGIUKギャップ⟦GIUKは、Greenland、Iceland、United Kingdomの頭文字をとったものである。⟧)の監視が再び重視されていることを指摘した上で、その負担の配分について同盟内で十分な議論がなされていないと疑問を呈している⟦Ibid., p. 85.⟧。'),
    p('また、ビルケルンは、デンマーク領グリーンランドの自治政府が独自の外交を模索していることに触れ、北極海の安全保障を語る際には、国家だけでなく先住民の共同体の声も考慮されるべきだと主張する⟦Birkelund, "Spillover in the High North," p. 22.⟧。この点について、北欧の議論では次の三点が繰り返し挙げられている⟦例えば、北欧閣僚理事会の報告書(2024年)に同様の提言がある。⟧。'),
    li('先住民の共同体が安全保障政策の決定に参加する仕組みを整えること'),
    li('軍事演習が漁業や牧畜などの生業に与える影響を事前に評価すること'),
    li('北極海の環境監視のデータを各国で共有すること'),
    p('こうした論点は、北極海を単なる軍事的な競争の場としてではなく、人々が暮らす地域として捉える視点を示しているといえよう⟦この点については、高村遥「北極圏の先住民と安全保障」『極地研究』第15巻第2号(2023年)、45-62頁も参照。⟧。'),
    h(1, '北極海航路と経済安全保障'),
    p('北極海航路については、経済面からの見方も重要である。ラークソネンによれば、北極海航路を通過した貨物量は2024年に約3,790万トンに達したが、その大部分はロシアの資源輸出であり、国際的な通過航路としての利用は依然として限られている⟦Laaksonen, "China\'s Polar Ambitions and the Nordic Response," p. 10.⟧。'),
    p('ストランドベリは、制裁の影響で西側の海運会社が北極海航路から撤退した結果、中国の海運会社の存在感が相対的に高まっていると分析している⟦Strandberg, "After the Council."⟧。また、2023年には中国の海運会社による北極海航路の航行が過去最多となったとの報道もある⟦「北極海航路、中国船の航行が過去最多」『海事週報』2024年1月12日。⟧。'),
    p('海底ケーブルの安全も新たな論点となっている。2023年10月8日にフィンランド湾で海底ガスパイプラインと通信ケーブルが損傷した事案⟦フィンランド当局の発表(2023年10月10日)による。⟧について、リンドクヴィストは、平時と有事の境目にある「グレーゾーン」の脅威の典型例であると指摘する⟦Lindqvist, "From Baltic Lake to Arctic Flank," p. 6.⟧。カルガリー大学教授のジェームズ・T・マクラウドも、北極海の海底ケーブルは人口の少ない地域を通るため監視が難しく、北極圏諸国が共同で監視の体制を築くべきだと提言している⟦James T. MacLeod, "Cables under the Ice: Securing Arctic Connectivity," Canadian Journal of Northern Affairs, Vol. 22, No. 4 (2024), pp. 112-130.⟧。'),
    p('マクラウドは、カナダの北極政策の経験から、北極海の安全保障における最大の課題は「広大な地域をいかに少ない資源で見守るか」であると述べる⟦Ibid., p. 125.⟧。この点について、ハウゲンも人工衛星や無人機を用いた監視の共同運用を提案しており、北欧と北米の識者の間で一定の共通認識が形成されつつあるとみられる⟦Haugen, "The Barents Bastion Revisited," pp. 54-56.⟧。'),
    h(1, 'おわりに'),
    p('北欧の識者の見方を概観すると、北極海の軍事的な重要性の高まりについてはおおむね一致している一方、その原因や対応については見方が分かれていることがわかる⟦本稿で取り上げた論考の一覧は、筆者が別途作成した資料に基づく。⟧。ハウゲンやリンドクヴィストが同盟の防衛態勢の強化を重視するのに対し、ビルケルンやストランドベリは偶発的な衝突を防ぐための対話の再建を重視している⟦各識者の論点の比較については、前掲注6、8、15を参照。⟧。'),
    p('また、グンナルスドッティルが指摘するように、小国にとっての同盟の意味や、先住民の共同体の声をどのように政策に反映させるかといった論点は、北極海の安全保障を考える上で見落とされがちである⟦Gunnarsdóttir, "Small States and the Price of Protection," p. 88.⟧。日本にとっても、北極海航路の利用や海底ケーブルの安全は無関係ではない⟦日本政府の北極政策の基本方針(2015年)を参照。⟧。'),
    p('北極海をめぐる情勢は、ロシアによるウクライナ侵略の帰結や米国の北極政策の行方によって大きく変わり得る⟦この点については、マクラウドも同様の見方を示している。MacLeod, "Cables under the Ice," p. 128.⟧。今後も北欧の識者の議論を注視し、その含意を検討していく必要があろう⟦本稿の見解は筆者個人のものであり、所属する組織の見解を代表するものではない。⟧。'),
  ],
};

export const BRIEF_EN: DocModel = {
  language: 'en',
  header: 'Arctic Policy Brief No. 14',
  blocks: [
    title('Cold Water, Warm Alliances: Nordic Views on Arctic Security'),
    meta('Hannah L. Okafor, Senior Fellow, Polar Governance Programme'),
    h(1, 'Introduction'),
    p('The accession of Finland and Sweden to the North Atlantic Treaty Organization has transformed the strategic geography of the European Arctic. Seven of the eight Arctic Council members are now allies, and the remaining one is the state whose behaviour prompted the enlargement. This brief surveys how Nordic scholars interpret that transformation, where they agree, and where their assessments diverge in ways that matter for policymakers outside the region.'),
    p('The survey draws on published commentary and on interviews conducted between October and December 2024. It concentrates on three questions: whether the Arctic remains a distinct security region, how the enlarged alliance should organise its northern defence, and what new vulnerabilities arise from shipping and undersea infrastructure.'),
    h(1, 'A Region No Longer Exceptional'),
    p('According to Ingerid Haugen of the Tromsø Institute for Polar Policy, the idea of Arctic exceptionalism did not survive the invasion of Ukraine.⟦Ingerid M. Haugen, "The Barents Bastion Revisited," Nordic Security Quarterly 18, no. 2 (2024): 33-58.⟧ She argues that the Kola Peninsula has regained its Cold War importance as the home of Russian strategic submarines, and that exercises in the Barents Sea have grown accordingly. Haugen notes that the number of large naval exercises in the region rose by twelve percent in 2023⟦Ibid., 41.⟧ compared with the previous year.'),
    p('Rasmus Birkelund of the University of Copenhagen offers a more cautious interpretation. In his view, tensions in the north are largely a spillover from the confrontation in Central and Eastern Europe rather than a product of Arctic rivalry as such.⟦Rasmus K. Birkelund, "Spillover in the High North," Journal of Polar Politics 9, no. 1 (2024): 5-27.⟧ Birkelund warns that the greatest danger lies in accidents and miscalculations, because the channels that once connected Nordic and Russian military staffs have been suspended almost entirely.'),
    p('Erik Strandberg of Uppsala University shares this concern and stresses that the paralysis of the Arctic Council has also removed practical cooperation on search and rescue, oil spill response and environmental research. Rebuilding some form of dialogue, he contends, will determine whether the region remains stable over the coming decade.'),
    h(1, 'Shipping, Cables and the Grey Zone'),
    p('Commercial traffic on the Northern Sea Route remains dominated by Russian resource exports. Mikko Laaksonen of the Helsinki Centre for Maritime Security observes that Western shipping companies have largely withdrawn, which has made Chinese operators relatively more visible along the route.⟦Mikko J. Laaksonen, "China\'s Polar Ambitions and the Nordic Response," Helsinki Maritime Papers, no. 41 (2024): 8-11.⟧ Laaksonen does not regard this presence as an immediate military threat, but he expects cooperation between Moscow and Beijing in the Arctic to deepen over time.'),
    p('Undersea infrastructure has become a second focus of concern. After the damage to a gas pipeline and telecommunications cables in the Gulf of Finland in October 2023, Per Lindqvist of the Nordic Strategic Forum described the incident as a textbook example of grey-zone coercion, deniable and cheap for the attacker yet costly for the victim.⟦Per O. Lindqvist, "From Baltic Lake to Arctic Flank," Nordic Strategic Forum Brief, no. 7 (2024).⟧ James MacLeod of the University of Calgary adds that Arctic cables cross vast and sparsely populated areas, which makes continuous surveillance extremely difficult without shared satellite and unmanned systems.'),
    h(1, 'Conclusion'),
    p('Nordic scholars broadly agree that the military significance of the Arctic is rising, but they disagree about its causes and about the right response. Those who emphasise deterrence call for integrated defence planning across the enlarged alliance, while those who emphasise risk reduction call for restoring channels of communication with Russia. Both camps accept that surveillance of the sea and of the seabed will require unprecedented cooperation among the Arctic democracies.⟦The views expressed in this brief are the author\'s own.⟧'),
  ],
};

/** The bullet Word and LibreOffice show before a first-level list item that the docx package writes. */
export const LIST_BULLET = '●';

export interface RenderedNote {
  readonly n: number;
  readonly text: string;
}

/** Splits a block's source into the text runs and notes it holds, numbering notes from `firstNote`. */
export function splitNotes(source: string, firstNote: number): { parts: (string | RenderedNote)[]; next: number } {
  const parts: (string | RenderedNote)[] = [];
  let n = firstNote;
  for (const piece of source.split(/(⟦[^⟧]*⟧)/)) {
    if (piece.startsWith('⟦')) parts.push({ n: n++, text: piece.slice(1, -1) });
    else if (piece) parts.push(piece);
  }
  return { parts, next: n };
}

/** Every note of a document, in order. */
export function notesOf(doc: DocModel): RenderedNote[] {
  const notes: RenderedNote[] = [];
  let n = 1;
  for (const block of doc.blocks) {
    const { parts, next } = splitNotes(block.source, n);
    n = next;
    for (const part of parts) if (typeof part !== 'string') notes.push(part);
  }
  return notes;
}

/** How a note's number is printed: 1, 2, 3 for footnotes; Word numbers end notes i, ii, iii. */
export type NoteLabel = (n: number) => string;

export const romanLabel: NoteLabel = (n) => toRoman(n);

/** A block's text as a reader sees it, the note markers as their numbers. */
export function blockText(block: DocBlock, firstNote: number, label: NoteLabel = String): string {
  return splitNotes(block.source, firstNote).parts.map((x) => (typeof x === 'string' ? x : label(x.n))).join('');
}

/**
 * The plain-text version of a document, laid out the way the ingest adapters lay out a PDF or Word file:
 * one block per line, markers as digits, and the notes at the end under `注` (`Notes` in English).
 */
export function renderPlainText(doc: DocModel, label: NoteLabel = String): string {
  const lines: string[] = [];
  let n = 1;
  for (const block of doc.blocks) {
    // Word shows a bullet (the docx package's first-level bullet) before a list item.
    lines.push(`${block.kind === 'list-item' ? `${LIST_BULLET} ` : ''}${blockText(block, n, label)}`);
    n = splitNotes(block.source, n).next;
  }
  const notes = notesOf(doc);
  if (notes.length > 0) {
    lines.push(doc.language === 'ja' ? '注' : 'Notes');
    for (const note of notes) lines.push(`${label(note.n)} ${note.text}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Word files, through the `docx` package (a dev dependency, loaded only when a file is written).

/** `endnotes`: the notes as Word end notes (set after the text, numbered i, ii, iii) instead of footnotes. */
async function makeDocx(doc: DocModel, options: { columns?: number; endnotes?: boolean } = {}): Promise<Uint8Array> {
  const d = await import('docx');
  const ja = doc.language === 'ja';
  const font = ja
    ? { ascii: 'Noto Serif CJK JP', hAnsi: 'Noto Serif CJK JP', eastAsia: 'Noto Serif CJK JP', cs: 'Noto Serif CJK JP' }
    : { ascii: 'Liberation Serif', hAnsi: 'Liberation Serif', eastAsia: 'Liberation Serif', cs: 'Liberation Serif' };
  const headingFont = ja
    ? { ascii: 'Noto Sans CJK JP', hAnsi: 'Noto Sans CJK JP', eastAsia: 'Noto Sans CJK JP', cs: 'Noto Sans CJK JP' }
    : { ascii: 'Liberation Sans', hAnsi: 'Liberation Sans', eastAsia: 'Liberation Sans', cs: 'Liberation Sans' };
  let n = 1;
  const footnotes: Record<number, { children: InstanceType<typeof d.Paragraph>[] }> = {};
  const children = doc.blocks.map((block) => {
    const { parts, next } = splitNotes(block.source, n);
    n = next;
    const runs = parts.map((part) => {
      if (typeof part === 'string') {
        // Soft hyphens in long English words let LibreOffice break them, so the PDF shows hyphenated line ends.
        return new d.TextRun(ja ? part : addSoftHyphens(part));
      }
      if (options.endnotes) return new d.EndnoteReferenceRun({ children: [new d.Paragraph({ children: [new d.TextRun(part.text)] })] });
      footnotes[part.n] = { children: [new d.Paragraph({ style: 'FootnoteText', children: [new d.TextRun(part.text)] })] };
      return new d.FootnoteReferenceRun(part.n);
    });
    switch (block.kind) {
      case 'title':
        return new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: runs, alignment: d.AlignmentType.CENTER });
      case 'heading':
        return new d.Paragraph({
          heading: block.level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2,
          children: runs,
        });
      case 'list-item':
        return new d.Paragraph({ bullet: { level: 0 }, children: runs });
      case 'meta':
        return new d.Paragraph({ children: runs, alignment: ja ? d.AlignmentType.RIGHT : d.AlignmentType.CENTER });
      case 'paragraph':
        return new d.Paragraph({
          children: runs,
          alignment: d.AlignmentType.JUSTIFIED,
          // Japanese paragraphs open with a one-character indent and no space between them; English ones are
          // set flush with space after, so both ways of marking a paragraph are exercised.
          indent: ja ? { firstLine: 210 } : undefined,
          spacing: ja ? { after: 0 } : { after: 120 },
        });
    }
  });
  const document = new d.Document({
    creator: 'mikata fixtures',
    title: doc.blocks[ja ? 1 : 0]!.source,
    styles: {
      default: {
        document: { run: { font, size: ja ? 21 : 20 }, paragraph: { spacing: { line: 276 } } },
        title: { run: { font: headingFont, size: ja ? 32 : 30, bold: true }, paragraph: { spacing: { before: 120, after: 240 } } },
        heading1: { run: { font: headingFont, size: ja ? 26 : 24, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: headingFont, size: ja ? 22 : 21, bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
        footnoteText: { run: { font, size: 16 }, paragraph: { spacing: { after: 0, line: 240 } } },
      },
    },
    footnotes,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } },
          ...(options.columns ? { column: { count: options.columns, space: 567, equalWidth: true } } : {}),
        },
        headers: {
          default: new d.Header({
            children: [new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: [new d.TextRun({ text: doc.header, size: 16 })] })],
          }),
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: ja ? [d.PageNumber.CURRENT] : ['Page ', d.PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(document));
}

/** Puts a soft hyphen after the fifth letter of every word of ten letters or more. */
function addSoftHyphens(text: string): string {
  return text.replace(/[A-Za-z]{10,}/g, (w) => `${w.slice(0, 5)}\u00ad${w.slice(5)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Small PDFs written by hand: the image-only page and the benchmark document.

/** Assembles a PDF from its objects (object i + 1 is objects[i]); object 1 must be the catalog. */
export function assemblePdf(objects: readonly (string | Uint8Array)[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === 'string' ? latin1(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(object);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function streamObject(dict: string, data: Uint8Array): Uint8Array {
  const head = latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`);
  const tail = latin1('\nendstream');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head, 0);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

/** A one-page PDF that holds only a grey-scale picture (a scan), with no text layer at all. */
export function makeImageOnlyPdf(gray: Uint8Array, width: number, height: number): Uint8Array {
  const image = streamObject(
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    zlibSync(gray, { level: 9 }),
  );
  const content = latin1('q 595 0 0 842 0 0 cm /Im1 Do Q');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    image,
    streamObject('', content),
  ]);
}

const BENCH_WORDS = (
  'security alliance deterrence maritime northern analysts argue that cooperation remains fragile while ' +
  'surveillance of cables pipelines and shipping lanes requires shared investment among democracies the ' +
  'region faces pressure from rising military activity and uncertain diplomacy according to several experts ' +
  'policy makers should weigh the costs of escalation against the benefits of dialogue and restraint'
).split(' ');

/**
 * A generated English PDF of `pages` pages for the benchmark: a running header, a page number, a heading now
 * and then, justified paragraphs with superscript note markers, and the notes at the foot of each page.
 * Standard fonts (Helvetica), nothing embedded: cheap to make at bench time, so it is not committed.
 */
export function makeBenchPdf(pages = 100): Uint8Array {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 0x100000000);
  const word = () => BENCH_WORDS[Math.floor(random() * BENCH_WORDS.length)]!;
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: (string | Uint8Array)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, filled in below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  const kids: number[] = [];
  let note = 1;
  for (let page = 1; page <= pages; page++) {
    const ops: string[] = [];
    const text = (font: string, size: number, x: number, y: number, s: string, rise = 0) =>
      ops.push(`BT /${font} ${size} Tf ${rise ? `${rise} Ts ` : ''}1 0 0 1 ${x} ${y} Tm (${esc(s)}) Tj ET`);
    text('F1', 8, 400, 800, 'Generated Brief for Benchmarking');
    text('F1', 9, 292, 40, String(page));
    let y = 760;
    const notes: number[] = [];
    if (page % 3 === 1) {
      text('F2', 14, 72, y, `Section ${Math.ceil(page / 3)}: ${word()} and ${word()}`);
      y -= 26;
    }
    while (y > 200) {
      const lines = 4 + Math.floor(random() * 5);
      for (let l = 0; l < lines && y > 200; l++) {
        const words: string[] = [];
        for (let chars = 0; chars < 80; chars += 1 + words[words.length - 1]!.length) words.push(word());
        let line = words.join(' ');
        if (l === lines - 1) line = line.slice(0, 40).trimEnd() + '.';
        if (l === lines - 1 && random() < 0.7) {
          // The marker follows the text in the same text object: smaller, and raised with Ts.
          ops.push(`BT /F1 10 Tf 1 0 0 1 72 ${y} Tm (${esc(line)}) Tj /F1 6 Tf 3.5 Ts (${note}) Tj 0 Ts ET`);
          notes.push(note++);
        } else {
          text('F1', 10, 72, y, line);
        }
        y -= 13;
      }
      y -= 8;
    }
    let ny = 60 + notes.length * 10;
    for (const n of notes) {
      text('F1', 7, 72, ny, `${n} Analyst interview with ${word()} ${word()} staff, ${2000 + (n % 25)}, p. ${n}.`);
      ny -= 10;
    }
    const content = streamObject('', latin1(ops.join('\n')));
    objects.push(content);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return assemblePdf(objects);
}

// ---------------------------------------------------------------------------------------------------------------
// Bad Word files.

/**
 * A password-protected Office file as Word writes it: an OLE compound file (CFB, signature D0 CF 11 E0) holding
 * the streams EncryptionInfo and EncryptedPackage. Both streams are 4096 bytes or more, so they live in regular
 * sectors and the file needs no mini stream.
 */
export function makeEncryptedDocx(): Uint8Array {
  const SECTOR = 512;
  const infoSectors = 8;
  const packageSectors = 9;
  const sectors = 2 + infoSectors + packageSectors; // FAT, directory, then the two streams
  const out = new Uint8Array(SECTOR * (1 + sectors));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  const sectorAt = (id: number) => SECTOR * (1 + id);
  // FAT
  const fat = new Array<number>(SECTOR / 4).fill(0xffffffff);
  fat[0] = 0xfffffffd;
  fat[1] = 0xfffffffe;
  const chain = (first: number, count: number) => {
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? 0xfffffffe : first + i + 1;
  };
  chain(2, infoSectors);
  chain(2 + infoSectors, packageSectors);
  fat.forEach((v, i) => view.setUint32(sectorAt(0) + i * 4, v, true));
  // Directory: root, EncryptionInfo, EncryptedPackage.
  const entry = (index: number, name: string, type: number, start: number, size: number, right: number, child: number) => {
    const at = sectorAt(1) + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, 0xffffffff, true); // left sibling
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, 0xffffffff, 1);
  entry(1, 'EncryptionInfo', 2, 2, infoSectors * SECTOR, 2, 0xffffffff);
  entry(2, 'EncryptedPackage', 2, 2 + infoSectors, packageSectors * SECTOR, 0xffffffff, 0xffffffff);
  // EncryptionInfo: version 4.4 (agile) and the start of its XML descriptor; EncryptedPackage: size, then noise.
  view.setUint16(sectorAt(2), 4, true);
  view.setUint16(sectorAt(2) + 2, 4, true);
  view.setUint32(sectorAt(2) + 4, 0x40, true);
  out.set(latin1('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption/>'), sectorAt(2) + 8);
  const pkg = sectorAt(2 + infoSectors);
  view.setUint32(pkg, 6000, true);
  let seed = 7;
  for (let i = pkg + 8; i < pkg + packageSectors * SECTOR; i++) out[i] = (seed = (seed * 1664525 + 1013904223) >>> 0) >>> 24;
  return out;
}

/**
 * A .docx whose word/document.xml inflates to `megabytes` MB of spaces: a few hundred KB that would fill memory.
 */
export function makeZipBombDocx(docx: Uint8Array, megabytes = 120): Uint8Array {
  const files = unzipSync(docx);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const tail = '</w:t></w:r></w:p></w:body></w:document>';
  const size = megabytes * 1024 * 1024;
  const body = new Uint8Array(size).fill(0x20);
  body.set(strToU8(head), 0);
  body.set(strToU8(tail), size - tail.length);
  files['word/document.xml'] = body;
  return zipSync(files, { level: 9 });
}

/** The same .docx with an external entity declared in word/document.xml and used in its text (XXE). */
export function makeEntityDocx(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!);
  const withDtd = xml
    .replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>')
    .replace('<w:t xml:space="preserve">', '<w:t xml:space="preserve">&secret;');
  files['word/document.xml'] = strToU8(withDtd);
  return zipSync(files, { level: 6 });
}

/** Deterministic noise, for "random bytes named .pdf". */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (seed = (seed * 1664525 + 1013904223) >>> 0) >>> 24;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Generation.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'docs');

function sofficeToPdf(docxPath: string, outDir: string, filter = 'pdf'): string {
  const profile = mkdtempSync(join(tmpdir(), 'mikata-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', filter, '--outdir', outDir, docxPath],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, docxPath.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
}

/**
 * The page of each note, read with poppler's pdftotext (an extractor independent of ours): LibreOffice sets a
 * footnote at the foot of the page its marker is on, so the page where a note's text starts is the marker's page.
 */
function notePages(pdfPath: string, doc: DocModel): Record<number, number> {
  const info = execFileSync('pdfinfo', [pdfPath]).toString();
  const pageCount = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const pages: string[] = [];
  for (let page = 1; page <= pageCount; page++) {
    pages.push(squash(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdfPath, '-']).toString()));
  }
  const result: Record<number, number> = {};
  for (const note of notesOf(doc)) {
    // The note's text alone, since the reading order of a two-column page may set the number apart from its note;
    // short notes (Ibid.) recur, and for them the number glued to the start of the text tells them apart.
    const onPages = (key: string) => pages.map((text, i) => (text.includes(key) ? i + 1 : 0)).filter(Boolean);
    let found = onPages(squash(note.text).slice(0, 40));
    if (found.length > 1) found = onPages(squash(`${note.n}${note.text}`).slice(0, 40));
    if (found.length !== 1) throw new Error(`note ${note.n}: found on pages [${found}] by pdftotext`);
    result[note.n] = found[0]!;
  }
  return result;
}

async function main(): Promise<void> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const out = (name: string) => join(FIXTURE_DIR, name);
  const work = mkdtempSync(join(tmpdir(), 'mikata-fixtures-'));
  try {
    // The Japanese commentary: Word, PDF, plain text, and the page of every note.
    const ja = await makeDocx(COMMENTARY_JA);
    writeFileSync(out('commentary-ja.docx'), ja);
    writeFileSync(out('commentary-ja.txt'), renderPlainText(COMMENTARY_JA));
    copyFileSync(sofficeToPdf(out('commentary-ja.docx'), work), out('commentary-ja.pdf'));
    writeFileSync(out('commentary-ja.pages.json'), JSON.stringify(notePages(out('commentary-ja.pdf'), COMMENTARY_JA), null, 1) + '\n');

    // The same commentary with end notes: after the text, no heading, numbered i, ii, iii.
    writeFileSync(join(work, 'commentary-ja-endnotes.docx'), await makeDocx(COMMENTARY_JA, { endnotes: true }));
    copyFileSync(sofficeToPdf(join(work, 'commentary-ja-endnotes.docx'), work), out('commentary-ja-endnotes.pdf'));

    // The two-column English brief.
    writeFileSync(out('brief-en-2col.docx'), await makeDocx(BRIEF_EN, { columns: 2 }));
    copyFileSync(sofficeToPdf(out('brief-en-2col.docx'), work), out('brief-en-2col.pdf'));
    writeFileSync(out('brief-en-2col.pages.json'), JSON.stringify(notePages(out('brief-en-2col.pdf'), BRIEF_EN), null, 1) + '\n');

    // A scan: the first page of the commentary as a picture.
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', out('commentary-ja.pdf'), join(work, 'scan')]);
    const pgmName = execFileSync('ls', [work]).toString().split('\n').find((f) => f.startsWith('scan') && f.endsWith('.pgm'))!;
    const pgm = readFileSync(join(work, pgmName));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    writeFileSync(
      out('scanned.pdf'),
      makeImageOnlyPdf(new Uint8Array(pgm.subarray(header[0].length)), Number(header[1]), Number(header[2])),
    );

    // Encrypted: LibreOffice's PDF export with an open password (of the small English brief).
    const encrypted = sofficeToPdf(
      out('brief-en-2col.docx'),
      join(work, 'enc'),
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mikata"}}',
    );
    copyFileSync(encrypted, out('encrypted.pdf'));

    const pdf = readFileSync(out('brief-en-2col.pdf'));
    writeFileSync(out('truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.4)));
    writeFileSync(out('random.pdf'), randomBytes(8192, 11));
    writeFileSync(out('truncated.docx'), ja.subarray(0, Math.floor(ja.length * 0.6)));
    writeFileSync(out('random.docx'), randomBytes(8192, 12));
    writeFileSync(out('encrypted.docx'), makeEncryptedDocx());
    writeFileSync(out('zip-bomb.docx'), makeZipBombDocx(ja));
    writeFileSync(out('entity.docx'), makeEntityDocx(ja));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`fixtures written to ${FIXTURE_DIR}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
