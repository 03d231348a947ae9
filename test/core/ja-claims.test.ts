/**
 * The cue-first Japanese extractor, one table per construction. Every text here is written for the project
 * (invented outlets, people and events in the genre of news and policy commentary).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/model/schema.ts';

interface Case {
  text: string;
  /** Expected claims: speaker name (or one of its aliases), cue text, content text, kind. */
  want: { speaker: string; cue?: string; content: string; kind?: Analysis['attributions'][number]['kind']; via?: string; rule?: string }[];
  /** Contents that must get no speaker. */
  none?: string[];
  /** A construction not met yet: runs and reports as TODO. */
  todo?: string;
}

function claimsOf(text: string) {
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p]));
  for (const x of a.attributions) {
    // The span invariant, checked on every claim the extractor makes.
    assert.equal(text.slice(x.content.start, x.content.end), x.content.text);
    if (x.cue) assert.equal(text.slice(x.cue.start, x.cue.end), x.cue.text);
    if (x.source) assert.equal(text.slice(x.source.start, x.source.end), x.source.text);
  }
  return a.attributions.map((x) => ({
    names: x.speakers.flatMap((id) => { const p = byId.get(id)!; return [p.name, ...p.aliases]; }),
    via: x.via.flatMap((id) => { const p = byId.get(id)!; return [p.name, ...p.aliases]; }),
    cue: x.cue?.text ?? null,
    content: x.content.text,
    kind: x.kind,
    rule: x.evidence[0]?.rule ?? '',
  }));
}

function run(table: Record<string, Case>): void {
  for (const [name, c] of Object.entries(table)) {
    test(name, c.todo ? { todo: c.todo } : {}, () => {
      const got = claimsOf(c.text);
      for (const w of c.want) {
        const hit = got.find((g) => g.content === w.content && g.names.includes(w.speaker));
        assert.ok(hit, `no claim by ${w.speaker} over 「${w.content}」; got ${JSON.stringify(got, null, 1)}`);
        if (w.cue) assert.equal(hit.cue, w.cue);
        if (w.kind) assert.equal(hit.kind, w.kind);
        if (w.via) assert.ok(hit.via.includes(w.via), `via ${w.via}: ${JSON.stringify(hit.via)}`);
        if (w.rule) assert.equal(hit.rule, w.rule);
      }
      for (const n of c.none ?? []) assert.ok(!got.some((g) => g.content.includes(n)), `「${n}」 got a speaker: ${JSON.stringify(got)}`);
    });
  }
}

run({
  'quotative: a quotation and a reporting verb in the polite past': {
    text: '北川外務副大臣は「対話の扉は閉ざさない」と述べました。',
    want: [{ speaker: '北川', cue: 'と述べました', content: '対話の扉は閉ざさない', kind: 'quote', rule: 'ja:quotative' }],
  },
  'quotative: reported speech with a date and a venue skipped': {
    text: '港湾庁は5日、記者会見で、沿岸の警備船が追跡を受けたと発表した。',
    want: [{ speaker: '港湾庁', cue: 'と発表した', content: '沿岸の警備船が追跡を受けた', kind: 'reported' }],
  },
  'quotative: after a person\'s claim, a country explained about is part of the explanation; one that retorts speaks': {
    text: '東洋大学の岩城教授は「交渉は長引く」と述べ、中国は資源の確保を急ぐ必要に迫られていると説明した。別の会見で、外務省の高井報道官は「遺憾だ」と述べ、中国は事実に反すると反論した。',
    want: [
      { speaker: '岩城', cue: 'と説明した', content: '中国は資源の確保を急ぐ必要に迫られている' },
      { speaker: '中国', cue: 'と反論した', content: '事実に反する' },
    ],
  },
  'quotative: a presidential office speaks as the government; 次長 is a post': {
    text: '東邦国大統領室は6日、「交渉はまだ始まっていない」と明らかにした。外務省の真田次長は「年内の妥結は難しい」と述べた。',
    want: [
      { speaker: '東邦国大統領室', cue: 'と明らかにした', content: '交渉はまだ始まっていない' },
      { speaker: '真田', cue: 'と述べた', content: '年内の妥結は難しい' },
    ],
  },
  'quotative: a Korean surname of one katakana character before a post is a name (ユ次官)': {
    text: '統一省のユ次官は「対話の窓口は開いている」と強調した。',
    want: [{ speaker: 'ユ', cue: 'と強調した', content: '対話の窓口は開いている' }],
  },
  'quotative: a katakana full name run into the office of its post (…国家安保室第2次長) keeps the office with the post': {
    text: 'ハン・ジウォン国家安保室第2次長は3日、「協議は年内に再開する」と述べた。ボリス・ゼムスキー・ロシア国連大使は「制裁には反対だ」と述べた。',
    want: [
      { speaker: 'ハン・ジウォン', cue: 'と述べた', content: '協議は年内に再開する' },
      { speaker: 'ボリス・ゼムスキー', cue: 'と述べた', content: '制裁には反対だ' },
    ],
  },
  'quotative: a wire credit and dateline before the first sentence do not hide its speaker': {
    text: '(南京=東洋通信記者/林嘉文)【東洋通信南京2月3日】江蘇省交通運輸庁港湾管理局の馬暁東報道官は3日の記者会見で、「運河の改修は年内に終わる」と述べた。',
    want: [{ speaker: '馬暁東', cue: 'と述べた', content: '運河の改修は年内に終わる', kind: 'quote' }],
  },
  'quotative: a subject inside a clause made a topic by こと (…ことについては) is not the speaker': {
    text: '港湾研究所の真壁主任研究員は「航路の再編は避けられない」と話す。北洋海運が撤退を決めたことについては「採算の問題だ」などと話す。',
    want: [
      { speaker: '真壁', cue: 'と話す', content: '航路の再編は避けられない', kind: 'quote' },
      { speaker: '真壁', content: '採算の問題だ', kind: 'quote' },
    ],
  },
  'quotative: a topic, an addressee or a target before the quotation is not what was said': {
    text: '大野総裁は、長期金利については「上昇が速すぎる」との認識を示した。野党の森田氏は、政府の方針を「完全に誤っていた」と批判した。条約に加わらない国に対しては「議論の席には着いてほしい」と呼びかけた。',
    want: [
      { speaker: '大野', content: '上昇が速すぎる', kind: 'quote' },
      { speaker: '森田', cue: 'と批判した', content: '完全に誤っていた', kind: 'quote' },
      { speaker: '森田', cue: 'と呼びかけた', content: '議論の席には着いてほしい', kind: 'quote' },
    ],
  },
  'quotative: an action of the speaker before the reported clause is not part of it; a clause with its own subject is': {
    text: 'カナダ外務省も、同国を支持する声明を発表していて、船舶が攻撃されれば条約の適用対象になると警告した。森山氏は、景気が回復し、物価も上がると予測した。',
    want: [
      { speaker: 'カナダ外務省', cue: 'と警告した', content: '船舶が攻撃されれば条約の適用対象になる' },
      { speaker: '森山', content: '景気が回復し、物価も上がる' },
    ],
  },
  'quotative: an adverb in the て form between と and the verb (と重ねて説明した); the manner between との and the verb (との強い口調で語った)': {
    text: '森戸官房長官は衆院の委員会で「首相は増税を約束したのではない」と重ねて説明しました。北辰銀行の川端総裁は、「賃上げが物価を支える」との前向きな口調で語った。北辰党は政府案に対し、「効果が薄い」とそろって批判していた。',
    want: [
      { speaker: '北辰党', cue: 'とそろって批判していた', content: '効果が薄い', kind: 'quote' },
      { speaker: '森戸', cue: 'と重ねて説明しました', content: '首相は増税を約束したのではない', kind: 'quote' },
      { speaker: '川端', cue: 'との前向きな口調で語った', content: '賃上げが物価を支える', kind: 'quote' },
    ],
  },
  'quotative: quotations with a comma between, then one cue (「…」、「…」などと), give one claim spanning them': {
    text: '川端総裁は以前、「為替を注視」、「政府と協調」などと、円高をけん制する発言を重ねていた。',
    want: [{ speaker: '川端', content: '為替を注視」、「政府と協調', kind: 'quote' }],
  },
  'view: a comma before との (…ている、との見方を示した); a topic after an object whose verb has not come yet is inside what was said, and the speaker goes on': {
    text: 'ハリス元次官は会見で首相を祝った。漁船の事件に関して、日本と北陵国の関係を南陵国は試している、との見方を示した。南陵国は、たとえば合同訓練を重ね、相手へ合図を送ることが有効だと述べた。',
    want: [
      { speaker: 'ハリス', cue: 'との見方を示した', content: '日本と北陵国の関係を南陵国は試している' },
      { speaker: 'ハリス', cue: 'と述べた', content: '南陵国は、たとえば合同訓練を重ね、相手へ合図を送ることが有効だ' },
    ],
  },
  'a country alone as topic after a person spoke speaks itself with a verb of its own answer (中国は…と反論した)': {
    text: '森川外相は会見で「対話を続ける」と述べた。中国は、日本の主張は根拠がないと反論した。',
    want: [
      { speaker: '森川', cue: 'と述べた', content: '対話を続ける' },
      { speaker: '中国', cue: 'と反論した', content: '日本の主張は根拠がない' },
    ],
  },
  'a statement the sentence answers (…と発表したことに関連し、) is its subject\'s; with no one named inside and an about-link (…と述べたことについて、) the topic explains their own words; 華氏 after 華春明 is the person': {
    text: '南陵外務省の華春明報道局長は記者会見で、北陵政府が「懸念を共有した」と発表したことに関連し、「北陵側の動きを注視する」と述べた。華氏は「挑発をやめるよう求める」と反発した。森田官房長官は、記者の質問に「答える必要はない」と述べたことについて、「政府の立場を答える場だ」と説明した。',
    want: [
      { speaker: '北陵政府', cue: 'と発表した', content: '懸念を共有した' },
      { speaker: '華春明', cue: 'と述べた', content: '北陵側の動きを注視する' },
      { speaker: '華春明', cue: 'と反発した', content: '挑発をやめるよう求める', kind: 'quote' },
      { speaker: '森田', cue: 'と述べた', content: '答える必要はない' },
      { speaker: '森田', cue: 'と説明した', content: '政府の立場を答える場だ' },
    ],
  },
  'toshite: a として clause inside a relative clause is the described person\'s (…として、増額を求めてきた森山大統領を「…」と迎えた), who does not speak on after it; おっしゃる says': {
    text: '北方同盟の岡部事務局長は、加盟国は防衛を他国に頼りすぎているとして、負担増を求めてきた森山大統領を「あなたの後押しのおかげだ」と迎えた。南陵党の川島代表は先週の会見で、協議を続けることが大切とおっしゃっていました。',
    want: [
      { speaker: '森山', cue: 'として', content: '加盟国は防衛を他国に頼りすぎている' },
      { speaker: '岡部', cue: 'と迎えた', content: 'あなたの後押しのおかげだ', kind: 'quote' },
      { speaker: '川島', cue: 'とおっしゃっていました', content: '協議を続けることが大切' },
    ],
  },
  'a subject set against the answer (Xが「…」とただしたのに対し「…」と述べた), however long its quotation, asks; the answer is the speaker\'s carried from before': {
    text: '岸部官房長官は委員会で「措置は十分だ」と説明しました。一方、北辰党が「十分な措置を盛り込んでいるとしてきた政府の説明に矛盾するのではないか」とただしたのに対し「矛盾するところはない」と述べました。',
    want: [
      { speaker: '北辰党', cue: 'とただした', content: '十分な措置を盛り込んでいるとしてきた政府の説明に矛盾するのではないか', kind: 'quote' },
      { speaker: '岸部', cue: 'と述べました', content: '矛盾するところはない', kind: 'quote' },
    ],
  },
  'a topic described by a relative clause and a body\'s kind before a comma (…が創設した北辰研究所のシンクタンク、北辰総研は) speaks on in the next sentence': {
    text: '故森田一郎氏が創設した北辰研究所のシンクタンク、北辰総研は18日、提言を公表。新政権の誕生で「同盟の関与が流動的になる」と指摘した。',
    want: [{ speaker: '北辰総研', cue: 'と指摘した', content: '同盟の関与が流動的になる', kind: 'quote' }],
  },
  'quotative: where it was said between と and the verb (…とX（旧ツイッター）で明らかにした, と記者会見で述べた); a cue closing a reason (…と考えていたため、) is part of what the next cue says': {
    text: 'アラン外相は協議が4日から首都で行われるとX（旧ツイッター）で明らかにした。森田氏は来月に訪米すると記者会見で述べた。ボレル代表は、合意が得られていなかったとし、多くの国が警告を送る必要があると考えていたため、会場を変更したと説明。北辰原子力機構は、ウラン粒子を検知したとする報告書をまとめた。',
    want: [
      { speaker: 'アラン', cue: 'とX（旧ツイッター）で明らかにした', content: '協議が4日から首都で行われる' },
      { speaker: '森田', cue: 'と記者会見で述べた', content: '来月に訪米する' },
      { speaker: 'ボレル', cue: 'と説明', content: '多くの国が警告を送る必要があると考えていたため、会場を変更した' },
      { speaker: '北辰原子力機構', cue: 'とする報告書をまとめた', content: 'ウラン粒子を検知した' },
    ],
  },
  'toshite: a noun heading a clause before とした (…広がっていることへの対応とした) is what was said; XをYとした makes X into Y and says nothing': {
    text: 'ボレル代表は会場を変更すると発表した。北辰首相の接近への反発が域内で広がっていることへの対応とした。政府は予算を倍増の目標とした。',
    want: [{ speaker: 'ボレル', cue: 'とした', content: '北辰首相の接近への反発が域内で広がっていることへの対応' }],
    none: ['倍増の目標'],
  },
  'a newspaper\'s descriptor between equals signs after the name (…会長(71)=北辰生命特別顧問、港市出身=は) is no part of the speaker; a statement answered through ことに「…」 is its subject\'s; と + a verbal noun of speech with する (…課すと表明した)': {
    text: '北経連の森井健一会長(71)=北辰生命特別顧問、港市出身=は10日、会見し、南国政府が輸入品に関税を課すと表明したことに「一方的な通告で遺憾」と述べた。',
    want: [
      { speaker: '南国政府', cue: 'と表明した', content: '輸入品に関税を課す' },
      { speaker: '森井健一', cue: 'と述べた', content: '一方的な通告で遺憾', kind: 'quote' },
    ],
  },
  'the subject of a statement the sentence answers (Xが「…」と述べたことについて、) is not its topic: the answer is the speaker\'s carried from before': {
    text: 'ケイン特使は会見で「協力が欠かせない」と述べました。また、南国の李国家主席が削減目標について「ペースは他人に左右されない」と述べたことについて、「我々は指図していない」としたうえで、「我々は科学に従うだけだ」と話しました。',
    want: [
      { speaker: '李', cue: 'と述べた', content: 'ペースは他人に左右されない' },
      { speaker: 'ケイン', cue: 'としたうえで', content: '我々は指図していない' },
      { speaker: 'ケイン', cue: 'と話しました', content: '我々は科学に従うだけだ' },
    ],
  },
  'a wire\'s dateline in square brackets and a dash ([ワシントン 27日 ロイター] - ) opens no turn and hides no topic; an office of state ending in 長官室 is the government': {
    text: '[ワシントン 27日 ロイター] - 北国家情報長官室(NDI)は27日公表の報告書で、南国が制裁逃れに加担している可能性が高いと指摘した。',
    want: [{ speaker: '北国家情報長官室', cue: 'と指摘した', content: '南国が制裁逃れに加担している可能性が高い' }],
  },
  'a document as venue with において (声明においては、北国が、…と指摘しています): the subject inside is what the statement says, never the speaker': {
    text: '南国外務省は昨夜、外相声明を発出した。声明においては、北国が、隣国の戦争を直接支援することは深刻な結果をもたらすと指摘しています。',
    want: [{ speaker: '南国外務省', cue: 'と指摘しています', content: '北国が、隣国の戦争を直接支援することは深刻な結果をもたらす' }],
  },
  'a request or a statement in the continuative before a clause with its own subject (…解かないよう求め、状況は…と述べた) is a claim of its own, not an act before one': {
    text: '森山大統領は、国民に警戒を解かないよう求め、状況は改善していないと述べた。',
    want: [
      { speaker: '森山', cue: 'よう求め', content: '警戒を解かない' },
      { speaker: '森山', cue: 'と述べた', content: '状況は改善していない' },
    ],
  },
  'quotative: only a verb of the speaker\'s own act (会談し, 引用し, 念頭に) stands outside what was said; another continuative clause is part of it': {
    text: '北辰銀行の森川総裁は、利下げを行うかどうか議論し、判断したいと述べた。野田首相は南陵党の代表と会談し、燃料高騰を念頭に、新たな支援策をまとめると述べた。長井氏は、合同訓練を行い、抑止の意思を示すことが大切だと語った。',
    want: [
      { speaker: '森川', cue: 'と述べた', content: '利下げを行うかどうか議論し、判断したい' },
      { speaker: '野田', cue: 'と述べた', content: '新たな支援策をまとめる' },
      { speaker: '長井', cue: 'と語った', content: '合同訓練を行い、抑止の意思を示すことが大切だ' },
    ],
  },
  'speaker: the subject of a clause before the sentence\'s own topic (…機構が26日、会見し、森川氏は) does not speak; a month and day (3月31日、) and a subject named in brackets (探査機「ホク」について、) are not what was said': {
    text: '先月着陸した探査機「ホク」について、北辰宇宙機構が26日、記者会見し、森川健一プロジェクトマネジャーは「本当に頑張ってくれた」と述べた。北洋通信などは3月31日、当局が対話サービスを一時的に禁止したと報じた。',
    want: [
      { speaker: '森川健一', cue: 'と述べた', content: '本当に頑張ってくれた', kind: 'quote' },
      { speaker: '北洋通信', cue: 'と報じた', content: '当局が対話サービスを一時的に禁止した' },
    ],
  },
  'speaker: initials the dictionary does not know (HSAによりますと, HSAは) are a body; a topic right after a clause in the て-form (…を受けてHSAは) speaks': {
    text: 'HSAによりますと、去年から複数回のサイバー攻撃を受けたということです。今回の事案を受けてHSAは、「引き続き調査し、対策を進めていきます」としています。',
    want: [
      { speaker: 'HSA', cue: 'によりますと', content: '去年から複数回のサイバー攻撃を受けた', kind: 'according_to' },
      { speaker: 'HSA', cue: 'としています', content: '引き続き調査し、対策を進めていきます', kind: 'quote' },
    ],
  },
  'quotative: a clause with its own subject that runs on into a quotation (北陵が…試射し「…」との) is what was said, with a だ after the quotation; a venue (安保理で、) is not': {
    text: '森戸大使は安保理で、北陵が「差し迫った脅威」になっていると強調した。また、北陵が年初からミサイルを6発試射し「実験の準備を進めている」との分析を明らかにした。南陵の川上大使は、追加制裁は「行き止まりの道」だと主張。森戸大使は会見を開き「制裁は続ける」と述べた。',
    want: [
      { speaker: '森戸', cue: 'と強調した', content: '北陵が「差し迫った脅威」になっている' },
      { speaker: '森戸', content: '北陵が年初からミサイルを6発試射し「実験の準備を進めている」', kind: 'reported' },
      { speaker: '川上', cue: 'と主張', content: '追加制裁は「行き止まりの道」だ' },
      { speaker: '森戸', cue: 'と述べた', content: '制裁は続ける', kind: 'quote' },
    ],
  },
  'quotative: a comma before と and a verb of speech (…存在だからだ、と語った), the と a plain case particle to the analyser; 特使 and 高等弁務官 are posts': {
    text: '国連のマリア・ソレス特使は、司令官との会談で、指導者とできるだけ早く会いたい、彼女が重要な存在だからだ、と語った。ピエトロ・ベッリ国連難民高等弁務官は「送還のやり方を深く憂慮している」と述べた。',
    want: [
      { speaker: 'マリア・ソレス', cue: 'と語った', content: '指導者とできるだけ早く会いたい、彼女が重要な存在だからだ' },
      { speaker: 'ピエトロ・ベッリ', cue: 'と述べた', content: '送還のやり方を深く憂慮している', kind: 'quote' },
    ],
  },
  'police and prosecutors speak as offices of state (…県警捜査1課によると, 北陵県警は); a suspect admits …と容疑を認めている': {
    text: '北陵県警捜査1課によると、森本容疑者は10日、男性を殴った疑いがある。森本容疑者は「間違いない」と容疑を認めている。北陵県警は、防犯カメラの映像を調べていると説明した。',
    want: [
      { speaker: '北陵県警捜査1課', cue: 'によると', content: '森本容疑者は10日、男性を殴った疑いがある', kind: 'according_to' },
      { speaker: '森本', cue: 'と容疑を認めている', content: '間違いない', kind: 'quote' },
      { speaker: '北陵県警', cue: 'と説明した', content: '防犯カメラの映像を調べている' },
    ],
  },
  'quotative: a condition before a quotation (…を問われると「…」と, …と説明すると「…」と聞き返した) is no part of what was said': {
    text: '森山財務相は、介入の可能性を問われると「答えられない」としたうえで、市場を注視していると話した。最後に、裁判長が控訴ができると説明すると「今のもう一度」と聞き返した北村被告。',
    want: [
      { speaker: '森山', cue: 'としたうえで', content: '答えられない', kind: 'quote' },
      { speaker: '北村', cue: 'と聞き返した', content: '今のもう一度', kind: 'quote' },
    ],
  },
  'feeling voiced about what was said (…と喜ぶ, …と思いやった, …と胸をなで下ろした); a judge (裁判長) is a post': {
    text: '避難所から片付けに通う舟木一郎さん(68)は「近くに来られて良かった」と喜ぶ。森本さんは「ほっとした」と胸をなで下ろした。菱山健裁判長は「反省が不十分だ」と述べた。',
    want: [
      { speaker: '舟木一郎', cue: 'と喜ぶ', content: '近くに来られて良かった', kind: 'quote' },
      { speaker: '森本', cue: 'と胸をなで下ろした', content: 'ほっとした', kind: 'quote' },
      { speaker: '菱山健', cue: 'と述べた', content: '反省が不十分だ' },
    ],
  },
  'quotative: what befell the speaker (…サイバー攻撃を受け、) is part of what was said, unlike a response (…の発表を受け、)': {
    text: '北辰機構は、昨年から複数回サイバー攻撃を受け、情報が漏えいした可能性があることを明らかにした。北村知事は政府の発表を受け、支援を急ぐと述べた。',
    want: [
      { speaker: '北辰機構', content: '昨年から複数回サイバー攻撃を受け、情報が漏えいした可能性がある' },
      { speaker: '北村', cue: 'と述べた', content: '支援を急ぐ' },
    ],
  },
  'answered: a statement linked by については (…と発言したことについては「…」とした上で) is the speaker\'s answer; the speaker\'s own body as a later subject (北辰銀行は…と述べた) is part of what they say; 審議委員 is a post': {
    text: '北辰銀行の森下健審議委員は3日、会見し、利上げは慎重に行うべきだと強調した。森本首相が2日に「利上げの環境にない」と発言したことについては「受け止める」とした上で、北辰銀行は目標に向けて「最善を尽くす」と述べた。',
    want: [
      { speaker: '森本', cue: 'と発言した', content: '利上げの環境にない' },
      { speaker: '森下健', cue: 'とした上で', content: '受け止める' },
      { speaker: '森下健', cue: 'と述べた', content: '最善を尽くす' },
    ],
  },
  'quotative: the grounds the speaker gives (…ことを理由に、) stand outside what was said; a plant named after a family (北川原発) is no speaker': {
    text: '規制委の森本委員長は会見で「審査は終わりではない」と話した。新基準に合うことを理由に、北川原発は「世界でも高い水準だと思う」と強調した。',
    want: [
      { speaker: '森本', cue: 'と強調した', content: '北川原発は「世界でも高い水準だと思う」', kind: 'reported' },
    ],
  },
  'quotative-passive: Xから「…」と迫られ names X; a bare post is not its former holder (元首相)': {
    text: '岸本一郎首相は本会議で答弁した。北辰党の党首から「担当相を更迭すべきだ」と迫られたが、首相は「早急に結論を出す」と踏み込んだ。安西元首相の国葬も議論になった。首相は「丁寧に説明する」と述べた。',
    want: [
      { speaker: '北辰党の党首', cue: 'と迫られた', content: '担当相を更迭すべきだ', kind: 'quote', rule: 'ja:quotative-passive' },
      { speaker: '岸本一郎', cue: 'と踏み込んだ', content: '早急に結論を出す', kind: 'quote' },
      { speaker: '岸本一郎', cue: 'と述べた', content: '丁寧に説明する', kind: 'quote' },
    ],
  },
  'quotative: a sa-hen noun closing the clause (体言止め)': {
    text: '高森氏は、交渉は来月にも再開されると指摘。',
    want: [{ speaker: '高森', cue: 'と指摘', content: '交渉は来月にも再開される' }],
  },
  'quotative: noun + を + する (と分析をしています)': {
    text: 'カナダ政府は、制裁の効果が薄れていると分析をしています。',
    want: [{ speaker: 'カナダ政府', content: '制裁の効果が薄れている' }],
  },
  'quotative: two cues chained in one sentence share the subject': {
    text: '村瀬教授は「同盟の負担は増す」と述べ、日本も防衛費を見直す必要があると強調した。',
    want: [
      { speaker: '村瀬', cue: 'と述べ', content: '同盟の負担は増す', kind: 'quote' },
      { speaker: '村瀬', cue: 'と強調した', content: '日本も防衛費を見直す必要がある', kind: 'reported' },
    ],
  },
  'quotative: the speaker written after the quotation': {
    text: '「輸出規制は続ける」と、シモン・ラクロワ経済相は地元紙のインタビューに答えた。',
    todo: 'a katakana name run into the kanji of its post (…経済相)',
    want: [{ speaker: 'シモン・ラクロワ', content: '輸出規制は続ける', kind: 'quote' }],
  },
  'view: との見方を示した and という考えを強調した': {
    text: '大野総裁は、物価は年内に落ち着くとの見方を示した。その上で、当面は金利を据え置くという考えを強調しました。',
    want: [
      { speaker: '大野', cue: 'との見方を示した', content: '物価は年内に落ち着く', rule: 'ja:view' },
      { speaker: '大野', content: '当面は金利を据え置く' },
    ],
  },
  'toshite: としたうえで and として': {
    text: '漁業組合は、操業海域の安全が確保されていないとしたうえで、補償を求める方針を示した。',
    want: [{ speaker: '漁業組合', content: '操業海域の安全が確保されていない', rule: 'ja:toshite' }],
  },
  'koto: ことを明らかにした': {
    text: '東洋海運は、貨物船2隻が航路を変更したことを明らかにした。',
    want: [{ speaker: '東洋海運', content: '貨物船2隻が航路を変更した', rule: 'ja:koto' }],
  },
  'you: よう呼びかけた': {
    text: '県の知事は住民に対し、高台へ避難するよう呼びかけた。',
    want: [{ speaker: '県の知事', content: '住民に対し、高台へ避難する', rule: 'ja:you' }],
  },
  'frame: Xによると and Xによりますと with an evidential tail': {
    text: '北東通信によると、両国の外相は来週にも会談する予定だという。',
    want: [{ speaker: '北東通信', cue: 'によると', content: '両国の外相は来週にも会談する予定だ', kind: 'according_to' }],
  },
  'frame: a finding published by someone (Xが発表したデータによると) is theirs': {
    text: '3月に北辰統計局が公表した調査によると、若年層の失業率は2年ぶりに上昇した。',
    want: [{ speaker: '北辰統計局', cue: 'によると', content: '若年層の失業率は2年ぶりに上昇した', kind: 'according_to' }],
  },
  'frame: a quotation inside the frame keeps its own speaker, through the outlet': {
    text: '中央日報によると、ハン・ソジン報道官は「追加の支援はない」と述べた。',
    want: [{ speaker: 'ハン・ソジン', content: '追加の支援はない', kind: 'quote', via: '中央日報' }],
  },
  'relay: an outlet closing the paragraph relays the sentence before it': {
    text: '林総統は3日、「防衛の自立は揺るがない」と語った。東海日報が伝えた。',
    want: [
      { speaker: '林', content: '防衛の自立は揺るがない', via: '東海日報' },
      { speaker: '東海日報', content: '林総統は3日、「防衛の自立は揺るがない」と語った', rule: 'ja:relay' },
    ],
  },
  'elided: a later sentence keeps the speaker': {
    text: '坂口会長は「賃上げは続く」と述べた。\n中小企業への支援も欠かせないと付け加えた。',
    want: [{ speaker: '坂口', content: '中小企業への支援も欠かせない' }],
  },
  'anaphor: 同氏 and 同紙 resolve to who was named before': {
    text: 'ミハイル・ソロキン研究員は、制裁は長期化すると予測した。同氏は、輸出の減少は避けられないと述べた。',
    want: [{ speaker: 'ミハイル・ソロキン', content: '輸出の減少は避けられない' }],
  },
  'labels: interview turns with a colon': {
    text: '三宅:今年の景気はどうなりますか?\n\n戸田:年の後半には持ち直すと見ています。\n\n三宅:根拠は何でしょう?\n\n戸田:個人消費が底堅いからです。',
    want: [
      { speaker: '戸田', cue: '戸田:', content: '年の後半には持ち直すと見ています。', kind: 'quote' },
      { speaker: '三宅', content: '根拠は何でしょう?' },
    ],
  },
  'labels: a press-conference turn in brackets': {
    text: '【記者】新しい関税についての見解は。\n【周報道官】中国は一貫して対話を重視している。',
    want: [{ speaker: '周', content: '中国は一貫して対話を重視している。' }],
  },
  'labels: a headline that quotes, and a quotation credited in parentheses': {
    text: '佐伯首相「国境の管理を強める」\n\n「景気の底はもう過ぎた」(丸山浩二氏)',
    want: [
      { speaker: '佐伯', content: '国境の管理を強める', kind: 'quote' },
      { speaker: '丸山浩二', content: '景気の底はもう過ぎた', kind: 'quote' },
    ],
  },
  'kou: a quotation on its own line, then こう述べるのは X / こう語る X。': {
    text: '「物価の安定がすべての前提だ」\nこう述べるのは中央銀行で理事を務める森川健一氏。\n「改革を止めるのか、進めるのか」\nこう語る新党代表の石原真理子氏。',
    want: [
      { speaker: '森川健一', cue: 'こう述べる', content: '物価の安定がすべての前提だ', kind: 'quote', rule: 'ja:kou' },
      { speaker: '石原真理子', cue: 'こう語る', content: '改革を止めるのか、進めるのか', kind: 'quote' },
    ],
  },
  'kou: そう批判する after a quotation sentence; a description before Name・Organisation Post': {
    text: '「同盟の信頼を自ら損なう判断だ」。政府の新方針に対し、国際政治学者の村瀬和也・北辰大名誉教授はそう批判する。',
    want: [{ speaker: '村瀬和也', cue: 'そう批判する', content: '同盟の信頼を自ら損なう判断だ', kind: 'quote' }],
  },
  'interview: a question joined to the line before by a space': {
    text: '「賃上げは続く」。経済学者の村瀬和也・北辰大教授はそう話す。 春闘の行方 ――来年の賃金はどうなりますか。 中小企業にも広がると見ています。',
    want: [{ speaker: '村瀬和也', content: '中小企業にも広がると見ています', kind: 'quote', rule: 'ja:interview-answer' }],
  },
  'labels: two speakers quoted in one headline, and an unknown run of marks before the second': {
    text: '党首討論 川村氏「5年で何を変えた?」、森田氏「後戻りはしない」\n\n党首討論が8日に開かれた。',
    want: [
      { speaker: '川村', content: '5年で何を変えた?', kind: 'quote', rule: 'ja:label-quote' },
      { speaker: '森田', cue: '森田氏', content: '後戻りはしない', kind: 'quote' },
    ],
  },
  'quotative: a view noun and the verb that voices it (と疑問をぶつけた); a post alone is the person named with it': {
    text: '川村一郎首相は会見で、増税は考えていないと述べた。野党の森田氏は、その5年で何をしたのかと疑問をぶつけたが、首相は「答える必要はない」と一蹴した。',
    want: [
      { speaker: '森田', cue: 'と疑問をぶつけた', content: 'その5年で何をしたのか' },
      { speaker: '川村一郎', cue: 'と一蹴した', content: '答える必要はない', kind: 'quote' },
    ],
  },
  'anaphor: 同紙 with the paper named before the excerpt is still the speaker': {
    text: '同紙は、輸出が3割減ったと伝えた。表面的には、規制は成功したようだと新聞は判断した。',
    want: [
      { speaker: '同紙', cue: 'と伝えた', content: '輸出が3割減った' },
      { speaker: '同紙', content: '表面的には、規制は成功したようだ' },
    ],
  },
  'headlines: a person among the segments before a closing quotation, after an opening one, X、…と主張': {
    text: '予算委 北川財務相 補正予算 “年内成立を目指す”\n\n本文は省略する。',
    want: [{ speaker: '北川', cue: '北川財務相', content: '年内成立を目指す', kind: 'quote', rule: 'ja:label-quote' }],
  },
  'headlines: a quotation opening the line, then its speaker and a comma': {
    text: '「備えを急げ」 北東連合事務局長、加盟国に協力を要請\n\n本文は省略する。',
    want: [{ speaker: '北東連合事務局長', content: '備えを急げ', kind: 'quote' }],
  },
  'headlines: X、Yと主張 closing a headline': {
    text: '献金問題で野党追及 北辰党、違法性はないと主張\n\n本文は省略する。',
    want: [{ speaker: '北辰党', cue: 'と主張', content: '違法性はない' }],
  },
  'quote-block: a quotation on lines of its own, closed by a line that opens with と': {
    text: '市場の見方は割れている。北辰総研主任研究員の森川健一氏が、\n「円売りの動きが活発化しています。\n輸入物価も上がるでしょう」\nと、円安はさらに進むとの見方を示した。つづけて、\n「日銀は動かないでしょう」\nと説明した。',
    want: [
      { speaker: '森川健一', cue: 'と、円安はさらに進むとの見方を示した', content: '円売りの動きが活発化しています。\n輸入物価も上がるでしょう', kind: 'quote', rule: 'ja:quote-block' },
      { speaker: '森川健一', cue: 'との見方を示した', content: '円安はさらに進む' },
      { speaker: '森川健一', cue: 'と説明した', content: '日銀は動かないでしょう', kind: 'quote' },
    ],
  },
  'kou: こう語った with the quotation before it': {
    text: '「撤退は考えていない」。中野大使はこう語った。',
    want: [],
  },
  'coordinated topic: AおよびBは give one claim with two speakers': {
    text: '東邦大学の竹内明および北辰大学の小池徹は、同盟は当面維持されると論じた。',
    want: [],
  },
  'speaker: a note after the post (field, age) and an outlet with a bracketed title': {
    text: '北辰大の戸川誠司教授(国際経済)は、円安は来年も続くと予測する一方、輸出は伸び悩むとの見方も示した。\nカナダ紙「モントリオール・エコー」は、首脳会談が来月開かれると伝えた。',
    want: [
      { speaker: '戸川誠司', cue: 'と予測する', content: '円安は来年も続く' },
      { speaker: '戸川誠司', content: '輸出は伸び悩む' },
      { speaker: 'モントリオール・エコー', cue: 'と伝えた', content: '首脳会談が来月開かれる' },
    ],
  },
  'quotative-speaker-after: と、 read as "when" by the analyser, then an outlet and 報じた': {
    text: '両国が来月にも共同訓練を行う方向で調整していると、ブラジルの有力紙が報じました。',
    want: [{ speaker: 'ブラジルの有力紙', cue: 'と、ブラジルの有力紙が報じました', content: '両国が来月にも共同訓練を行う方向で調整している' }],
  },
  'frame: Xの話として names the relay\'s source; the outlet keeps the claim': {
    text: '南洋テレビは2日、外務省関係者の話として、両国の首脳が年内に会談すると伝えた。',
    want: [{ speaker: '南洋テレビ', cue: 'と伝えた', content: '両国の首脳が年内に会談する' }],
  },
  'interview: the whole answer is the interviewee\'s, also where it reports others': {
    text: '北辰大の戸川誠司教授に聞いた。\n――中東情勢をどう見ますか。\n緊張はしばらく続くでしょう。イランは交渉に応じないとしています。\n各国の対応も割れています。',
    want: [{ speaker: '戸川誠司', content: '緊張はしばらく続くでしょう。イランは交渉に応じないとしています。\n各国の対応も割れています', kind: 'quote' }],
  },
  'unnamed sources are not named speakers; passives get no speaker': {
    text: '交渉は難航しているとみられる。合意は来年になるとされている。',
    want: [],
    none: ['交渉は難航している', '合意は来年になる'],
  },
});

run({
  'と read as "when" by the analyser, before a verb of speech, quotes (…ていると話した)': {
    text: '沢井市長は、港の工事はすでに始まっていると話した。',
    want: [{ speaker: '沢井', cue: 'と話した', content: '港の工事はすでに始まっている', rule: 'ja:quotative' }],
  },
  'a survey by its publisher or owner before によると (Xが発表した最新調査, Xの7月調査(…))': {
    text: '北方経済協会が12日発表した最新調査によると、設備投資は3期連続で減った。東邦総研の9月調査(企業500社の集計)によると、雇用は横ばいだった。',
    want: [
      { speaker: '北方経済協会', cue: 'によると', content: '設備投資は3期連続で減った', kind: 'according_to' },
      { speaker: '東邦総研', cue: 'によると', content: '雇用は横ばいだった', kind: 'according_to' },
    ],
  },
  'a particle between と and the predicate (とも指摘, とまで言い切った, とすら考えている); くぎを刺す': {
    text: '辻本氏は、景気は底を打ったとも指摘。改革は失敗だったとまで言い切った。増税は急ぐべきでないとくぎを刺した。',
    want: [
      { speaker: '辻本', cue: 'とも指摘', content: '景気は底を打った' },
      { speaker: '辻本', cue: 'とまで言い切った', content: '改革は失敗だった' },
      { speaker: '辻本', cue: 'とくぎを刺した', content: '増税は急ぐべきでない' },
    ],
  },
  'a sentence that only says who told it relays the sentence before (Xが最初に報じた, 当局者2人がCNNに明かした)': {
    text: '港の閉鎖が決まったことが分かった。複数の港湾当局者が北陽新報に明かした。計画は来月発表される。地元紙の北陽新報が最初に報じた。',
    want: [
      { speaker: '複数の港湾当局者', cue: 'が北陽新報に明かした', content: '港の閉鎖が決まったことが分かった', rule: 'ja:relay' },
      { speaker: '北陽新報', cue: 'が最初に報じた', content: '計画は来月発表される', rule: 'ja:relay' },
    ],
  },
  '明らかにしました is one predicate': {
    text: '港湾局の報道官は、検査を強化したと明らかにしました。',
    want: [{ speaker: '港湾局の報道官', cue: 'と明らかにしました', content: '検査を強化した' }],
  },
  '次のように述べた closing a paragraph: the next paragraph is what was said': {
    text: '外務省の島田報道官は3日の記者会見で次のように述べた。\n\n両国の協議は年内に再開される見通しで、詳細は調整中だ。\n\n会見は30分で終わった。\n',
    want: [{ speaker: '島田', cue: '次のように述べた', content: '両国の協議は年内に再開される見通しで、詳細は調整中だ', kind: 'reported' }],
    none: ['会見は30分で終わった'],
  },
  "次のように報じた before an article cited in 《…》: the passage inside, over its paragraphs, not a topic in the outlet's headline": {
    text: '北陽新報は『知事が辞意か』という見出しで、次のように報じた。\n《知事は周囲に辞意を漏らしている。\n県議会では後任選びが始まった。》\n',
    want: [{ speaker: '北陽新報', cue: '次のように報じた', content: '知事は周囲に辞意を漏らしている。\n県議会では後任選びが始まった', kind: 'quote' }],
  },
  'a delegation speaks as a body (議員団, 代表団)': {
    text: '訪中した超党派の議員団は、先方は協議の継続に前向きだと述べた。',
    want: [{ speaker: '議員団', cue: 'と述べた', content: '先方は協議の継続に前向きだ' }],
  },
  'the audience before what was said is no part of it (国内メディアに対して、)': {
    text: '森下外相は国内メディアに対して、協議は来月再開されると述べた。',
    want: [{ speaker: '森下', cue: 'と述べた', content: '協議は来月再開される' }],
  },
  "an action of the speaker's own before a clause with its own subject is no part of what was said": {
    text: '視察団は3日に帰国し、現地の復旧は遅れているとの認識を示した。',
    want: [{ speaker: '視察団', content: '現地の復旧は遅れている' }],
  },
  'と read as a plain case particle after a predicate, before a verb of speech, quotes (…だろうと語った)': {
    text: '港湾協会の三木理事は、貨物は来年にも回復するだろうと語った。',
    want: [{ speaker: '三木', cue: 'と語った', content: '貨物は来年にも回復するだろう' }],
  },
  'a claim someone might make (…と宣言する可能性) is part of the view about it, not a claim': {
    text: '宮内教授は、同国が年内にも「協議は終わった」と宣言する可能性は低いとの見方を示した。',
    want: [{ speaker: '宮内', cue: 'との見方を示した', content: '同国が年内にも「協議は終わった」と宣言する可能性は低い' }],
  },
});

test('a marked line naming someone (■北辰電機社長 森川健一氏) heads what they said below it, to the next such line or caption', () => {
  const text = [
    '新工場が完成 記者会見での発言',
    '',
    ' ■北辰電機社長 森川健一氏',
    ' 工場は予定より早く動き出した。地元の支えがあってこそだ。',
    '',
    ' 次は人材の育成に力を入れる。',
    '',
    '会見に臨む森川社長(左)と北浦知事',
    '',
    ' ■北陵県知事 北浦花子氏',
    ' 雇用が生まれることを歓迎する。',
  ].join('\n');
  const got = claimsOf(text);
  assert.deepEqual(got.map((g) => [g.names[0], g.cue, g.content]), [
    ['森川健一', '■北辰電機社長 森川健一氏', '工場は予定より早く動き出した。地元の支えがあってこそだ。\n\n 次は人材の育成に力を入れる。'],
    ['北浦花子', '■北陵県知事 北浦花子氏', '雇用が生まれることを歓迎する。'],
  ]);
});

test('a story tag in brackets (【続報】), repeated on the page, opens no turn; a long news lead (…問題で、) keeps the topic after it', () => {
  const text = [
    '【続報】北辰港のシステム障害 原因はウイルスと判明',
    '2024年5月2日 10時00分',
    '【続報】北辰港のシステム障害 原因はウイルスと判明',
    '港の荷役を一元管理する「北辰港統一システム(HPS)」で障害が発生し、荷物の搬出ができなくなっている問題で、システムを運営する北辰港運協会(北辰市港区)の森川健一専務理事は2日、本紙の取材に「全力で復旧に取り組んでいる」と述べた。',
  ].join('\n');
  const got = claimsOf(text);
  assert.deepEqual(got.map((g) => [g.names[0], g.cue, g.content]), [['森川健一', 'と述べた', '全力で復旧に取り組んでいる']]);
  assert.ok(!analyze(text).people.some((p) => p.name === '続報'));
});

test('a colon label alone on its line (店主 森田 健一さん:, 北川 一郎 経産相:) heads what was said on the next line, and the narrator goes on after it; お客さま names no one', () => {
  const text = [
    '新工場の町を歩く',
    '',
    '駅前の食堂は昼時に行列ができる。',
    '店主 森田 健一さん:',
    '工場の話題はよく出ますね。出張で来るお客さまは増えていると思います',
    '会社員 川辺 真一さん:',
    '楽しみです',
    '町には新しい店も増えた。',
    '北川 一郎 経産相:',
    'この地域が関連産業も投資する一大拠点になる。世界の最先端の拠点になることを期待している',
    '6月18日、北川大臣が建設地を視察した。道内で過去最大の進出といわれ、大きな効果が期待されている。',
  ].join('\n');
  const got = claimsOf(text);
  assert.deepEqual(got.filter((g) => g.rule === 'ja:label-turn-colon').map((g) => [g.names[0], g.cue, g.content]), [
    ['森田 健一', '店主 森田 健一さん:', '工場の話題はよく出ますね。出張で来るお客さまは増えていると思います'],
    ['川辺 真一', '会社員 川辺 真一さん:', '楽しみです'],
    ['北川 一郎', '北川 一郎 経産相:', 'この地域が関連産業も投資する一大拠点になる。世界の最先端の拠点になることを期待している'],
  ]);
  assert.ok(!analyze(text).people.some((p) => p.type === 'person' && p.name === 'お客さま'));
});

test('a broadcast transcript: 【X】「…」 where it falls in a paragraph, a label over a quotation on its own line, a lead naming its subject last (…と発表した北浦知事。), 会見を開き as the speaker\'s act', () => {
  const text = [
    '北浦知事は21日に会見を開き、再稼働を容認する考えを示しました。',
    '',
    '【森田一郎アナウンサー】',
    '',
    '「午前9時、北浦知事が県庁に到着しました」',
    '',
    '■容認を表明',
    '',
    '21日朝、夕方に臨時会見を開くと発表した北浦知事。【北浦知事】「意気込みとかはない」報道陣の問いかけに多くは語りませんでした。一方、松本市では市長が言及。【松本市 川上健 市長】「まだ判断できる状況に',
  ].join('\n');
  const got = claimsOf(text);
  assert.deepEqual(got.map((g) => [g.names[0], g.cue, g.content]), [
    ['北浦', '考えを示しました', '再稼働を容認する'],
    ['森田一郎', '【森田一郎アナウンサー】', '午前9時、北浦知事が県庁に到着しました'],
    ['北浦', 'と発表した', '夕方に臨時会見を開く'],
    ['北浦', '【北浦知事】', '意気込みとかはない'],
    ['川上健', '【松本市 川上健 市長】', 'まだ判断できる状況に'],
  ]);
});

test('turns on the lines of one paragraph: a name and a space open each answer; a caption credit is no turn', () => {
  const text = [
    '港の未来を聞く',
    '',
    '岸壁の写真出典: 港湾局',
    '―港の拡張は進みますか。',
    'ベルナ 来年には新しい岸壁が完成する。ただ人手は足りない。',
    '―費用はどうでしょうか。',
    'ベルナ 国の補助が頼りだ。',
  ].join('\n');
  const got = claimsOf(text);
  assert.deepEqual(got.map((g) => [g.names[0], g.content]), [
    ['ベルナ', '来年には新しい岸壁が完成する。ただ人手は足りない。'],
    ['ベルナ', '国の補助が頼りだ。'],
  ]);
  assert.equal(analyze(text).people.find((p) => p.name === 'ベルナ')?.type, 'person');
});

test('a claim someone might make (…と宣言する可能性) is no claim of its own', () => {
  const got = claimsOf('宮内教授は、同国が年内にも「協議は終わった」と宣言する可能性は低いとの見方を示した。');
  assert.deepEqual(got.map((g) => g.cue), ['との見方を示した']);
});

test('a passive report, a condition and an attempt (ようとする) are not claims', () => {
  const got = claimsOf('2020年を100とすると、指数は118になった。輸出が減ったと報じられている。同国は周辺国に譲歩を認めさせようとしている。');
  assert.deepEqual(got, []);
});

test('the evidence names the construction and the words it matched', () => {
  const a = analyze('川端議員は「予算は足りない」と批判した。');
  assert.equal(a.attributions.length, 1);
  assert.deepEqual(a.attributions[0]!.evidence[0], { rule: 'ja:quotative', span: { start: a.attributions[0]!.cue!.start, end: a.attributions[0]!.cue!.end }, note: 'と|批判|し|た' });
});

test('an unnamed holder of a post keeps the ministry as organisation, never as a name (the ministry speaks through them: a role-only official)', () => {
  for (const text of ['国土省報道官: 橋の点検は来月終わる。', '国土省の報道官は、橋の点検は来月終わると述べた。']) {
    const a = analyze(text);
    assert.equal(a.people.length, 1, JSON.stringify(a.people));
    assert.equal(a.people[0]!.organization, '国土省', text);
    assert.equal(a.people[0]!.title, '報道官', text);
    assert.notEqual(a.people[0]!.name, '国土省', text);
  }
});

test('a katakana rank before a katakana post belongs to the post (チーフマーケットエコノミスト)', () => {
  const a = analyze('西原証券の今井浩二チーフマーケットエコノミストは、利上げは来春になると述べた。');
  const p = a.people.find((x) => x.name === '今井浩二');
  assert.ok(p, JSON.stringify(a.people));
  assert.equal(p.title, 'チーフマーケットエコノミスト');
  assert.equal(p.organization, '西原証券');
});

test('a katakana name glued to a kind of organisation (調査会社ノース・…) is the organisation, not a person', () => {
  const a = analyze('調査会社ブルー・ハーバーのアン・ロウ氏は、需要は戻ると述べた。');
  assert.deepEqual(a.people.map((p) => p.name), ['アン・ロウ']);
});

test('a katakana surname before its office and post: the office belongs to the post', () => {
  const a = analyze('ノルウェー外務省のハンセン北極・海洋局長は、交渉は続くと述べた。');
  const p = a.people.find((x) => x.name === 'ハンセン');
  assert.ok(p, JSON.stringify(a.people));
  assert.equal(p.title, '北極・海洋局長');
  assert.equal(p.organization, 'ノルウェー外務省');
});

test('people are built from the speakers: name, organisation and post split', () => {
  const a = analyze('北海経済研究所の岩崎真一主任研究員は、円高は続かないと述べた。');
  const p = a.people.find((x) => x.name === '岩崎真一');
  assert.ok(p, JSON.stringify(a.people));
  assert.equal(p.organization, '北海経済研究所');
  assert.equal(p.title, '主任研究員');
  assert.equal(p.role, 'speaker');
});

test('organisation・name post: the name follows the dot when an organisation stands before it', () => {
  for (const [text, name, organization, title] of [
    ['北陵大学・三好達也客員教授は「交渉は長引く」と分析している。', '三好達也', '北陵大学', '客員教授'],
    ['北陵大・三好達也名誉教授は「交渉は長引く」と話した。', '三好達也', '北陵大', '名誉教授'],
    ['三好達也・北陵大名誉教授は「交渉は長引く」と話した。', '三好達也', '北陵大', '名誉教授'],
    ['海南防衛研究所の沖田康夫研究幹事は、補給は細ると予測した。', '沖田康夫', '海南防衛研究所', '研究幹事'],
  ] as const) {
    const a = analyze(text);
    const p = a.people.find((x) => x.name === name);
    assert.ok(p, `${text}: ${JSON.stringify(a.people)}`);
    assert.equal(p.organization, organization, text);
    assert.equal(p.title, title, text);
  }
});

run({
  'a body named in brackets after its kind (情報機関「…」) is the speaker, not a subject inside what it said': {
    text: '南国の情報機関「国家安全院」は3日、東国が部品を密輸したと明らかにした。',
    want: [{ speaker: '国家安全院', cue: 'と明らかにした', content: '東国が部品を密輸した', kind: 'reported' }],
  },
  'an agency ending in 院 is a speaker': {
    text: '国家安全院は3日、東国が部品を密輸したと発表した。',
    want: [{ speaker: '国家安全院', cue: 'と発表した', content: '東国が部品を密輸した' }],
  },
});

run({
  'a person with a post on a short line of their own labels the quotation on the next line, even when the line reads as a heading': {
    text: '金利の行方を三人に聞いた。\n北洋総合研究所 片桐昭雄エグゼクティブ・エコノミスト\n「物価は来年には落ち着くだろう」\n',
    want: [{ speaker: '片桐昭雄', content: '物価は来年には落ち着くだろう', kind: 'quote', rule: 'ja:label-line' }],
  },
  'after a reported clause of contrast (…と予想されているが、) the next subject speaks, not the topic before it': {
    text: '北洋銀行は金利を据え置くと予想されているが、6割のアナリストは秋までに利上げがあると予測している。',
    want: [{ speaker: '6割のアナリスト', cue: 'と予測している', content: '秋までに利上げがある' }],
  },
  'a contrast inside what is said keeps the topic as the speaker': {
    text: '村井教授は、費用は日本が出すが、利益は他国が取ると話した。',
    want: [{ speaker: '村井', content: '費用は日本が出すが、利益は他国が取る' }],
  },
  'an outlet spoken to (…ニュースに対し、) is the audience, not part of what was said': {
    text: '港湾局の関係者は北洋ニュースに対し、岸壁には損傷の跡があると語った。',
    want: [{ speaker: '港湾局の関係者', cue: 'と語った', content: '岸壁には損傷の跡がある' }],
  },
});

run({
  'a subject marked by が does not reach past a clause of contrast (…たが、): the subject after it speaks': {
    text: '沖合からは韓国が不審船を追跡し、大半は港に戻ったということだが、南洋メディアは2隻が沈んだと報じている。',
    want: [{ speaker: '南洋メディア', cue: 'と報じている', content: '2隻が沈んだ' }],
  },
  'nor past one closed by けれども or ものの': {
    text: '委員会が報告書をまとめたものの、北村准教授は調査の範囲が狭すぎると批判した。',
    want: [{ speaker: '北村', cue: 'と批判した', content: '調査の範囲が狭すぎる' }],
  },
});

run({
  'a statement answered (…と主張したことに対し、/…との見解を示したことを受け、) is the subject\'s inside it; the topic says what comes after': {
    text: '北洋政府は、韓国が「協議は不要だ」と主張したことに対し、対話の扉は開いていると反論した。東洋外務省は17日、韓国政府が関税を大幅に上げるとの見解を示したことを受け、圧力を続けるなら、東洋は屈しないと述べた。',
    want: [
      { speaker: '韓国', cue: 'と主張した', content: '協議は不要だ' },
      { speaker: '北洋政府', cue: 'と反論した', content: '対話の扉は開いている' },
      { speaker: '韓国政府', cue: 'との見解を示した', content: '関税を大幅に上げる' },
      { speaker: '東洋外務省', cue: 'と述べた', content: '圧力を続けるなら、東洋は屈しない' },
    ],
  },
  'a time word before の (先月の入港時) is part of what is said, not an adverbial before it': {
    text: '海軍関係者は同日、「寄港は休息のためだ」と説明した。先月の入港時のように合同訓練は予定されていないということだ。',
    want: [{ speaker: '海軍関係者', content: '先月の入港時のように合同訓練は予定されていない' }],
  },
  'a subject inside a clause that describes the topic of discussion (…が打ち上げるとしていた衛星について、) does not speak': {
    text: '国防研究院は、ミサイルの発射が近いと指摘した。一方、北洋の森田首相が年内に3基打ち上げるとしていた衛星について、「年内の打ち上げは難しい」と分析した。',
    want: [{ speaker: '国防研究院', cue: 'と分析した', content: '年内の打ち上げは難しい' }],
  },
  'a country whose deeds a sentence tells does not take over from the one speaking (…使い果たす。…と分析した)': {
    text: '戦略研究所は、封鎖で補給が滞ると警告した。全てのシナリオで、韓国は燃料を10日で使い果たす。米国が介入すれば補給は維持できると分析した。',
    want: [{ speaker: '戦略研究所', cue: 'と分析した', content: '米国が介入すれば補給は維持できる' }],
  },
});

run({
  'a reporting predicate that modifies a noun of supposition (…と判断する場合) says what might be said: no claim': {
    text: '森田大統領は、関税を発動すると述べた。また、通商局が交渉は進展していると判断する場合、発動はさらに遅れる。',
    want: [{ speaker: '森田', cue: 'と述べた', content: '関税を発動する' }],
    none: ['交渉は進展している'],
  },
  '同紙 is the paper named last, even after a broadcaster\'s report': {
    text: '北洋タイムズによると、関税は10%前後になる。東都テレビは、時期は未定だと報じた。同紙は関係者の話として、来週に発表されるとの見通しを伝えた。',
    want: [{ speaker: '北洋タイムズ', cue: 'との見通しを伝えた', content: '来週に発表される' }],
  },
  'lobbyists and consultants unnamed are a group, not the speaker before them': {
    text: '商務省の当局者によると、対象は約900品目になる。複数の業界ロビイストは東洋通信に対し、発動は来月に持ち越される可能性があると語った。',
    want: [{ speaker: '業界ロビイスト', cue: 'と語った', content: '発動は来月に持ち越される可能性がある' }],
  },
});

test('a quotation as the object of a verb that takes speech only through と (「…」を続けるなら, 「…」を見る) is no claim of its own', () => {
  const got = claimsOf('東洋外務省は、北洋の「脅し」を続けるなら対抗すると述べた。森田氏は北洋の「挑発」を見る。');
  assert.deepEqual(got.map((g) => `${g.names[0]}|${g.cue}|${g.content}`), ['東洋外務省|と述べた|北洋の「脅し」を続けるなら対抗する']);
});

run({
  'a quotation standing alone, then a sentence that only says whose it was (森田元駐日大使の指摘だ。)': {
    text: '「両国の関係は底を突き抜けた。それでも互いに相手のせいにしている」。\n\n森田元駐日大使の指摘だ。東洋日報が専門家に聞いた。',
    want: [{ speaker: '森田', cue: 'の指摘だ', content: '両国の関係は底を突き抜けた。それでも互いに相手のせいにしている', kind: 'quote', rule: 'ja:kou' }],
  },
});

test('people: a rank before where an envoy was posted is the post\'s (森田元駐日大使)', () => {
  const p = analyze('森田元駐日大使は「関係は最悪だ」と述べた。').people.filter((x) => x.type === 'person');
  assert.deepEqual(p.map((x) => [x.name, x.title]), [['森田', '元駐日大使']]);
});

run({
  'a relayed statement whose own speaker cannot be read stays whole in the relay (…関係者が「…」と語ったと伝えた)': {
    text: '北洋通信は、韓国大統領府(青瓦台)関係者が「会談を提案した」と語ったと伝えた。',
    want: [{ speaker: '北洋通信', cue: 'と伝えた', content: '韓国大統領府(青瓦台)関係者が「会談を提案した」と語った' }],
  },
});

run({
  'a share of an unnamed group (専門家の多くは) is that group, not the person who spoke before': {
    text: '北村教授は「苦しい局面だ」と表現した。専門家の多くは今回の会談を「最後の機会」とみている。',
    want: [{ speaker: '専門家', cue: 'とみている', content: '最後の機会' }],
  },
});

run({
  'a view voiced by a noun and its verb: …と苦言を呈した, …と警鐘を鳴らした, …と異論を唱えた, …と疑問を呈した': {
    text: '経済政策について木島正史教授は「相手国の比重が減った」と苦言を呈した。北村准教授は「財政は持たない」と警鐘を鳴らした。森田氏は「順序が逆だ」と異論を唱えた。',
    want: [
      { speaker: '木島正史', cue: 'と苦言を呈した', content: '相手国の比重が減った' },
      { speaker: '北村', cue: 'と警鐘を鳴らした', content: '財政は持たない' },
      { speaker: '森田', cue: 'と異論を唱えた', content: '順序が逆だ' },
    ],
  },
  '「…」というよりは (rather than) is a comparison, not a report': {
    text: 'このため、森田官房長官は「会談の場を壊した」というよりは、東国のやり方に不満を示したと言えそうだ。',
    want: [],
    none: ['会談の場を壊した'],
  },
  'an outlet that told of a statement (…と語ったことを大きく伝えたが、) gives it, its speaker inside; a person marked by が after the contrast speaks next': {
    text: '両国メディアは同日、大統領府関係者が「会談を提案した」と語ったことを大きく伝えたが、政府の報道官である森田官房長官が「そのような報道は知らない」と述べた。',
    want: [
      { speaker: '大統領府関係者', cue: 'と語った', content: '会談を提案した' },
      { speaker: '両国メディア', cue: 'ことを大きく伝えた' },
      { speaker: '森田', cue: 'と述べた', content: 'そのような報道は知らない' },
    ].map((w) => ({ content: '大統領府関係者が「会談を提案した」と語った', ...w })),
  },
});

run({
  'a state addressed before what was said, set off by a comma (…はカタールに対し、, …は東国政府に対し、), is no part of it': {
    text: 'このため、北洋政府は東国政府に対し、港に事務所を置くことは「歓迎できない」と伝達したという。',
    want: [{ speaker: '北洋政府', cue: 'と伝達した', content: '港に事務所を置くことは「歓迎できない」' }],
  },
});

run({
  'a reporting predicate modifying its speaker (「…」と分析する元秘書は, …と話す山田教授は) names who said it': {
    text: '森山教授は、景気は戻ると述べた。「物価は上がる」と分析する元秘書は、利上げも近いとみる。「賃金は追いつかない」と話す北村准教授も慎重だ。',
    want: [
      { speaker: '元秘書', cue: 'と分析する', content: '物価は上がる' },
      { speaker: '北村', cue: 'と話す', content: '賃金は追いつかない' },
    ],
  },
});

test('headlines credit a quotation after an equals sign (「…」=X首相、…); 前出・ (mentioned above) is no part of a speaker', () => {
  const a = analyze('「退くことはない」=北辰国の森川首相、国境情勢にコメント\n\n森川首相は24日、国境情勢について発言した。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`), ['森川|退くことはない']);
  assert.ok(!a.people.some((p) => /[=＝]/.test(p.name)), JSON.stringify(a.people.map((p) => p.name)));
  const b = analyze('見出し\n\n「派閥の票は割れる」(前出・記者)\n\n「誰も動かない」(前出・関係者)\n');
  assert.ok(!b.people.some((p) => p.name.includes('前出')), JSON.stringify(b.people.map((p) => p.name)));
});

test('turn labels: the day in parentheses is no part of the speaker (北村首相(1月31日):), a body in brackets before a name is its organisation (『北辰銀行』森田花子さん:)', () => {
  const a = analyze('見出し\n\n北村首相(1月31日):\n「今は円安が追い風だ」\n\n『北辰銀行』森田花子さん:\n「市場はそう受け止めた」\n');
  const people = a.people.filter((p) => p.role !== 'author');
  assert.deepEqual(people.map((p) => [p.name, p.organization, p.title]), [['北村', null, '首相'], ['森田花子', '北辰銀行', null]]);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`), ['北村|今は円安が追い風だ', '森田花子|市場はそう受け止めた']);
});

test('people: a deputy\'s post (副首相) and a post of an office named by another post (大統領副報道官) are whole', () => {
  const people = (text: string) => analyze(text).people.filter((p) => p.type === 'person').map((p) => `${p.name}/${p.title}`);
  assert.deepEqual(people('協議には東国の王志明副首相が出席する。'), ['王志明/副首相']);
  assert.deepEqual(people('ハリントン大統領副報道官は声明で「措置は続く」と述べた。'), ['ハリントン/大統領副報道官']);
  assert.deepEqual(people('アンナ・ハリントン大統領副報道官は声明で「措置は続く」と述べた。'), ['アンナ・ハリントン/大統領副報道官']);
});

run({
  'judging, commenting and threatening verbs report what is said (…と診断した, …と脅した, …と喝破した, …と付言した)': {
    text: '岡野教授は「国内の部品産業は5年遅れている」と診断した。相手国の外務省は「応じなければ交渉を打ち切る」と脅した。森口氏は「問題は資金だ」と喝破した。岡野教授は「資金も足りない」と付言した。',
    want: [
      { speaker: '岡野', cue: 'と診断した', content: '国内の部品産業は5年遅れている' },
      { speaker: '相手国の外務省', cue: 'と脅した', content: '応じなければ交渉を打ち切る' },
      { speaker: '森口', cue: 'と喝破した', content: '問題は資金だ' },
      { speaker: '岡野', cue: 'と付言した', content: '資金も足りない' },
    ],
  },
  'asking, announcing and testifying nouns report what is said (…と要望した after a sentence ending on its noun, …と公表した, …と供述した)': {
    text: '森口氏は「交渉の扉は開いている」と指摘。「双方が歩み寄る努力を続けてほしい」と要望した。北陵電機は、約3万件の顧客情報が流出した恐れがあると公表した。逮捕された森本容疑者は「借金を返したかった」と供述した。',
    want: [
      { speaker: '森口', cue: 'と要望した', content: '双方が歩み寄る努力を続けてほしい', kind: 'quote' },
      { speaker: '北陵電機', cue: 'と公表した', content: '約3万件の顧客情報が流出した恐れがある', kind: 'reported' },
      { speaker: '森本', cue: 'と供述した', content: '借金を返したかった' },
    ],
  },
});

run({
  'AがQ1、BがQ2とそれぞれ語った: each subject said the quotation after it': {
    text: '北川防衛相が「年末は警戒が要る」、ロイド補佐官が「時間は残っていない」とそれぞれ語っている。',
    want: [
      { speaker: '北川', cue: 'とそれぞれ語っている', content: '年末は警戒が要る', kind: 'quote' },
      { speaker: 'ロイド', cue: 'とそれぞれ語っている', content: '時間は残っていない', kind: 'quote' },
    ],
  },
  'what someone could not have said (…と答えるはずもなく) is no claim': {
    text: '「はい」と答えるはずもなく、長官は「政府の責務だ」と答えた。',
    want: [{ speaker: '長官', cue: 'と答えた', content: '政府の責務だ' }],
    none: ['はい'],
  },
});

run({
  'the subject of a condition (Xが…になれば、) and of its consequence are part of what is said': {
    text: '南島研究所の宮内所長は、海峡の緊張を指摘した。南島が北国の一部になれば、北国軍は航路を即座に遮断できるようになるとし、警戒を呼びかけた。',
    want: [{ speaker: '宮内', cue: 'とし', content: '南島が北国の一部になれば、北国軍は航路を即座に遮断できるようになる' }],
  },
  'after その上で or 一方で a country that opens the sentence is what the person goes on to say': {
    text: '南島研究所の宮内所長は、海峡は守りやすいと指摘した。一方で、日本は自らを守る努力が欠かせないとした。',
    want: [{ speaker: '宮内', cue: 'とした', content: '日本は自らを守る努力が欠かせない' }],
  },
});

test('an outlet named after its kind (北国メディア・ノルデン, 南国放送局サウス・ウェーブ) is media, never a person', () => {
  for (const [text, name] of [
    ['北国メディア・ノルデンは、港の閉鎖は続くと報じた。', 'ノルデン'],
    ['南国放送局サウス・ウェーブは、港の閉鎖は続くと報じた。', 'サウス・ウェーブ'],
  ] as const) {
    const a = analyze(text);
    assert.ok(!a.people.some((p) => p.type === 'person'), `${text}: ${JSON.stringify(a.people)}`);
    const outlet = a.people.find((p) => p.name === name);
    assert.ok(outlet, `${text}: ${JSON.stringify(a.people)}`);
    assert.equal(outlet.type, 'media');
    assert.equal(a.attributions[0]?.speakers[0], outlet.id);
  }
});

test('a Latin name of two words in Japanese text keeps both (Lin Haowen(林浩文)氏, Helen Marsh教授)', () => {
  for (const [text, name] of [
    ['元大使のLin Haowen(林浩文)氏は、戦争は失敗していると主張した。', 'Lin Haowen'],
    ['北洋大学 Helen Marsh教授は、戦争は失敗していると主張した。', 'Helen Marsh'],
  ] as const) {
    const a = analyze(text);
    const p = a.people.find((x) => x.name === name);
    assert.ok(p, `${text}: ${JSON.stringify(a.people)}`);
    assert.deepEqual(a.attributions.map((x) => x.speakers), [[p.id]]);
  }
});

run({
  'a sentence that only says who speaks (…氏が言う。) introduces the quotation on the next line': {
    text: '港の再開は遅れている。元港湾局長で作家の沖田康夫氏が言う。\n「再開を急げば事故が起きる。まず点検が先です」\n',
    want: [{ speaker: '沖田康夫', cue: '言う', content: '再開を急げば事故が起きる。まず点検が先です', kind: 'quote', rule: 'ja:intro' }],
  },
  'someone who once held office (…経験者) is an unnamed source, not the speaker before': {
    text: '森田首相は会見で調整を急ぐと述べた。与党の閣僚経験者も「調整は難しい」と語った。',
    want: [{ speaker: '閣僚経験者', cue: 'と語った', content: '調整は難しい' }],
  },
  'a cleft names the speaker at the end (「…」と予想するのは X だ)': {
    text: '専門家三人に聞いた。「春には落ち着くのではないか」と予想するのは土屋隆・北陵大学教授だ。',
    want: [{ speaker: '土屋隆', cue: 'と予想する', content: '春には落ち着くのではないか', kind: 'quote' }],
  },
});

test('Organisation Post・Name (北陵県知事・森山健一氏): the post closes what stands before the dot, a prefecture is no name', () => {
  const a = analyze('北陵県知事・森山健一氏は、会見で警報を出すと述べた。');
  assert.deepEqual(a.people.map((p) => [p.name, p.title, p.organization]), [['森山健一', '知事', '北陵県']]);
});

test('an office word between a kanji name and its post belongs to the post (森田健一外務報道官)', () => {
  const a = analyze('北洋省の森田健一外務報道官は11日の会見で、交渉は続くと説明した。');
  assert.deepEqual(a.people.map((p) => [p.name, p.title, p.organization]), [['森田健一', '外務報道官', '北洋省']]);
});

test('a post standing alone after a glossed name (…(リン・イエン)准研究員) is no person of its own', () => {
  const a = analyze('北洋研究院の林燕(リン・イエン)准研究員は、衝突は起きうると述べた。');
  assert.deepEqual(a.people.map((p) => [p.name, p.title]), [['林燕', '准研究員']]);
});

run({
  'in a document (…がまとめた報告書の中で、) the subjects are what it says: a country there is never the speaker': {
    text: '監視団がまとめた報告書の中で、東国は部品の密輸を続けていると指摘した。',
    want: [],
    none: ['部品の密輸を続けている'],
  },
  'という after a statement reports the topic as its speaker, whatever subject stands inside it': {
    text: '北洋通信によると、監視団は報告書で、東国は部品を倉庫に分散させていると指摘しているという。',
    want: [{ speaker: '監視団', cue: 'と指摘している', content: '東国は部品を倉庫に分散させている' }],
  },
  'a speaker before the document (首相は声明で、) speaks as usual': {
    text: '森田首相は声明で、東国は部品の密輸を続けていると指摘した。',
    want: [{ speaker: '森田', cue: 'と指摘した', content: '東国は部品の密輸を続けている' }],
  },
});

test('offices of government and party are posts to the people pass too (官房長官, 幹事長, 知事)', () => {
  for (const [text, name, title] of [
    ['森田官房長官は午前の会見で、調整を急ぐと述べた。', '森田', '官房長官'],
    ['北辰党の大野幹事長は、選挙は秋になると話した。', '大野', '幹事長'],
  ] as const) {
    const a = analyze(text);
    const p = a.people.find((x) => x.name === name);
    assert.ok(p, `${text}: ${JSON.stringify(a.people)}`);
    assert.equal(p.title, title, text);
  }
});

test('a claim inside another claim of the same speaker (…ことを確認したと明らかにした) is not made twice', () => {
  const got = claimsOf('国家安全院は3日、東国が部品を密輸したことを確認したと明らかにした。');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0]!.content, '東国が部品を密輸したことを確認した');
  assert.ok(got[0]!.names.includes('国家安全院'));
});

test('content never runs past its paragraph, and long unpunctuated text stays linear', () => {
  const line = (i: number) => `研究者によれば、協力は${i}段階目に進んでいると指摘する\n`;
  const small = Array.from({ length: 200 }, (_, i) => line(i)).join('');
  const big = Array.from({ length: 2000 }, (_, i) => line(i)).join('');
  const size = (t: string) => JSON.stringify(analyze(t)).length;
  const ratio = size(big) / size(small);
  // Ten times the input: about ten times the output, not a hundred.
  assert.ok(ratio < 14, `output grew ${ratio.toFixed(1)}× for 10× the input`);
  for (const x of analyze(big).attributions) assert.ok(x.content.end - x.content.start <= 2000);
});

test('labels: a name repeated at the head of turns is a person even where the dictionary knows it as a firm (松下)', () => {
  // (The first turn opens the text, where it may be taken for a title: it still counts as a turn.)
  const text = '松下)港の再開はいつになりますか?\n日野)来春には動き出すと思います。\n松下)理由は何でしょう?\n日野)冬の間に設備の点検が終わるからです。';
  const a = analyze(text);
  const byName = new Map(a.people.map((p) => [p.name, p]));
  assert.equal(byName.get('松下')?.type, 'person', JSON.stringify(a.people.map((p) => [p.name, p.type])));
  assert.equal(byName.get('日野')?.type, 'person');
  assert.ok(a.attributions.some((x) => x.content.text === '理由は何でしょう?' && x.speakers.includes(byName.get('松下')!.id)));
  assert.ok(a.attributions.some((x) => x.content.text === '港の再開はいつになりますか?' && x.speakers.includes(byName.get('松下')!.id)));
});

test('appositive: a post with no name before a named person (…のエコノミスト、Name氏は) describes them; after a frame the topic is not what is said', () => {
  const text = 'マリン・スター・データによると、北港証券のストラテジスト、宮坂健吾氏は、輸出は年末に持ち直すだろうと述べた。同氏はまた、円高は一服するとも指摘した。';
  const a = analyze(text);
  const persons = a.people.filter((p) => p.type === 'person');
  assert.deepEqual(persons.map((p) => [p.name, p.organization, p.title]), [['宮坂健吾', '北港証券', 'ストラテジスト']]);
  const outlet = a.people.find((p) => p.name === 'マリン・スター・データ');
  assert.equal(outlet?.type, 'media');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const said = a.attributions.map((x) => [x.speakers.map((s) => byId.get(s)).join('+'), x.content.text]);
  assert.ok(said.some(([who, what]) => who === '宮坂健吾' && what === '輸出は年末に持ち直すだろう'), JSON.stringify(said));
  assert.ok(said.some(([who, what]) => who === '宮坂健吾' && what === '円高は一服する'), JSON.stringify(said));
});

test('short forms: a one-character surname with 氏 (陳氏) after a full kanji name is the person named before', () => {
  const a = analyze('東邦国の陳建国外相は8日、「運河の共同管理を提案する」と発言した。陳氏は、近く正式に申し入れるとみられる。陳氏は「時間はかからない」と述べた。');
  const persons = a.people.filter((p) => p.type === 'person');
  assert.deepEqual(persons.map((p) => p.name), ['陳建国']);
  assert.equal(new Set(a.attributions.flatMap((x) => x.speakers)).size, 1);
  assert.equal(a.attributions.length, 2);
});

run({
  'a quotation and など for と before a reporting noun (「…」などコメント); katakana reporting nouns (とコメントした, とアピールした)': {
    text: '北陵銀行の森戸総裁は「物価の上振れには警戒が要る」などコメント。港湾協会の平岡会長は、輸出は回復に向かうとコメントした。同協会は「安全な港」とアピールした。',
    want: [
      { speaker: '森戸', cue: 'などコメント', content: '物価の上振れには警戒が要る', kind: 'quote' },
      { speaker: '平岡', cue: 'とコメントした', content: '輸出は回復に向かう' },
      { speaker: '港湾協会', cue: 'とアピールした', content: '安全な港' },
    ],
  },
  'a view noun cut in two by the analyser (不信感) and voiced by an adjectival noun with にする (露わにした, 鮮明にした)': {
    text: '菅野教授は、交渉は当面進まないと指摘した。相手が譲歩するとは思えない、と不信感を露わにしている。北辰党の沖田代表は増税は誤りだと反対の立場を鮮明にした。',
    want: [
      { speaker: '菅野', cue: 'と不信感を露わにしている', content: '相手が譲歩するとは思えない' },
      { speaker: '沖田', cue: 'と反対の立場を鮮明にした', content: '増税は誤りだ' },
    ],
  },
  'と after a comma, read by the analyser as "and", quotes when a speaker and a reporting predicate follow': {
    text: '協議の再開は遠い、と宮園准教授は懸念をあらわにした。',
    want: [{ speaker: '宮園', cue: 'と宮園准教授は懸念をあらわにした', content: '協議の再開は遠い' }],
  },
  'an adjectival noun before との (…が不可欠との見方を示した) is a predicate, with the speaker carried': {
    text: '木崎大使は「対話は続ける」と発言。地域の安定には双方の自制が不可欠との見方を示しました。',
    want: [{ speaker: '木崎', cue: 'との見方を示しました', content: '地域の安定には双方の自制が不可欠' }],
  },
});

test('a one-kanji name never stands before a one-kanji place and a post (田中教授 is 田中, not 田 of 中)', () => {
  const a = analyze('田中教授は交渉が難しいと述べた。村中部長も同じ見方を示した。');
  const names = a.people.map((p) => `${p.name}/${p.title}`);
  assert.ok(names.includes('田中/教授'), names.join(' '));
  assert.ok(names.includes('村中/部長'), names.join(' '));
});

test('a name whose first kanji could end the clause before it (…を担当する中留健局長) keeps it when the document writes it with the name (中留氏)', () => {
  const a = analyze('港湾を担当する中留健局長は「航路は守る」と訴えた。中留氏は「予算も要る」と強調した。');
  assert.deepEqual(a.people.map((p) => `${p.name}/${p.title}`), ['中留/局長']);
  assert.ok(a.people[0]!.aliases.includes('中留健'), a.people[0]!.aliases.join(' '));
  assert.equal(new Set(a.attributions.map((x) => x.speakers.join())).size, 1);
});

test('an organisation run into a post before の (東西総研上席主任研究員の…氏) is split, the rank words going with the post', () => {
  const a = analyze('東西総合研究所上席主任研究員の森下健司氏が、物価は上がると述べた。北海新聞社特任編集委員の野口真一記者も、賃金は遅れて上がると書いた。');
  const people = a.people.map((p) => `${p.name}|${p.organization}|${p.title}`);
  assert.ok(people.includes('森下健司|東西総合研究所|上席主任研究員'), people.join(' '));
  assert.ok(people.includes('野口真一|北海新聞社|記者'), people.join(' '));
});

test('countries abbreviated and joined before a post (米露外相, 日韓首脳) name no one', () => {
  const a = analyze('米露外相は協議を続けると述べた。日韓首脳も連携を確認したと発表した。');
  assert.ok(!a.people.some((p) => /^(?:米露|日韓|米)$/.test(p.name)), a.people.map((p) => p.name).join(' '));
});

run({
  'a sentence broken before its particle around a name on a line of its own (descriptor / name / はリポートで…)': {
    text: '北辰総合研究所の首席エコノミスト\n森川健一氏\nはリポートで、景気は緩やかに持ち直すとの見方を示した。\nその上で、「賃金の伸びが鍵になる」と続けた。\n',
    want: [
      { speaker: '森川健一', cue: 'との見方を示した', content: '景気は緩やかに持ち直す' },
      { speaker: '森川健一', cue: 'と続けた', content: '賃金の伸びが鍵になる', kind: 'quote' },
    ],
  },
  'a quoted noun before として is a role ("as"), not something said; a quotation with a predicate is': {
    text: '南港銀行の平田総裁は、「防波堤」として利上げを決めたとの見方を示した。同総裁は「物価は落ち着く」として、追加の措置を否定した。',
    want: [
      { speaker: '平田', cue: 'との見方を示した', content: '「防波堤」として利上げを決めた' },
      { speaker: '平田', cue: 'として', content: '物価は落ち着く' },
    ],
  },
});

test('a quoted noun before として gets no claim of its own', () => {
  const a = analyze('南港銀行の平田総裁は、「防波堤」として利上げを決めたとの見方を示した。');
  assert.ok(!a.attributions.some((x) => x.content.text === '防波堤'), JSON.stringify(a.attributions.map((x) => x.content.text)));
});

test('a post run into the kanji name after it (首席エコノミスト森川健一氏) is the name\'s post; a noun after a post is no name', () => {
  const a = analyze('北辰総研の首席エコノミスト森川健一氏は景気は底堅いと述べた。\n【速報】南港銀行 平田総裁会見 「当面 利上げはしない」\n');
  const people = a.people.map((p) => `${p.name}|${p.organization}|${p.title}`);
  assert.ok(people.includes('森川健一|北辰総研|首席エコノミスト'), people.join(' '));
  assert.ok(!a.people.some((p) => p.name === '会見'), people.join(' '));
});

test('a quotation as the object of a reporting predicate that modifies a noun (「…」を示唆するもので) is no claim', () => {
  const a = analyze('北陵党の森戸代表は、周辺国への制裁を強く求めた。SNS上での発言は、周辺国への「二次制裁」を示唆するもので、波紋が広がっている。');
  assert.ok(!a.attributions.some((x) => x.content.text.includes('二次制裁')), JSON.stringify(a.attributions.map((x) => x.content.text)));
});

run({
  'a complement closed by 、と is a whole sentence quoted: its subject is what is said about, the speaker carried or named after': {
    text: '北陵党の森戸代表は追加の制裁に触れた。中国が対話を望んでいるとは思えない、と不信感を露わにしている。',
    want: [{ speaker: '森戸', cue: 'と不信感を露わにしている', content: '中国が対話を望んでいるとは思えない' }],
  },
});

test('a katakana name glossed with initials (米ノース・ブリッジ(NB)) is a firm; two kanji right after a post are no name without 氏', () => {
  const a = analyze('米ノース・ブリッジ(NB)は来年の利下げを予想していると述べた。南海財団マネージングディレクター協議が始まる前に、東陵大学教授川上氏は遠いと述べた。');
  const persons = a.people.filter((p) => p.type === 'person').map((p) => p.name);
  assert.ok(!persons.some((n) => /ノース|協議/.test(n)), persons.join(' '));
  assert.ok(persons.includes('川上'), persons.join(' '));
  const nb = a.attributions.find((x) => x.content.text.includes('利下げ'));
  assert.ok(nb, 'the firm speaks');
  assert.equal(a.people.find((p) => p.id === nb.speakers[0])?.type, 'organization');
});

run({
  'a question that reports what someone named said (―― … X氏は…と述べた。見解は?) keeps that claim; the answer is the spokesperson\'s': {
    text: '―― 北洋通信記者 南陵の森戸氏(外交部長)は昨日、交渉の期限は延ばせると述べた。この発言への見解は?\n報道官 期限は一度も延ばしたことがない。\n',
    want: [{ speaker: '森戸', cue: 'と述べた', content: '交渉の期限は延ばせる' }],
  },
  'ら after a post (森戸代表らは) is the person and others: the person speaks': {
    text: '北陵党の森戸代表らは、増税に反対すると述べた。',
    want: [{ speaker: '森戸', cue: 'と述べた', content: '増税に反対する' }],
  },
});

test('a post of foreign ministries (外交部長, 国防部長) in brackets names no one called 外交', () => {
  const a = analyze('南陵の森戸氏(外交部長)は、期限は延ばせると述べた。国防部長も同じ見方を示した。');
  assert.ok(!a.people.some((p) => /^(?:外交|国防)$/.test(p.name)), a.people.map((p) => p.name).join(' '));
});

run({
  'a transcript turn with the speaker in parentheses before the quotation ((森戸健一氏)「…」), after an interviewer\'s question': {
    text: '―――港の再開はいつになりますか?\n(森戸健一氏)「来年の春には一部が動き出すと思います。ただ全面再開はまだ先です」\n―――費用は?\n(川上真理氏)「国の補助が決まるかどうか次第でしょう」\n',
    want: [
      { speaker: '森戸健一', content: '来年の春には一部が動き出すと思います。ただ全面再開はまだ先です', kind: 'quote', rule: 'ja:label-turn-paren' },
      { speaker: '川上真理', content: '国の補助が決まるかどうか次第でしょう', kind: 'quote' },
    ],
  },
  'とする + view noun + を + a predicate of announcing (…したとする分析をきょう発表した); the speaker goes on past a country\'s deeds reported by no one': {
    text: '南陵軍は北陵国が部隊を増やしたとする分析をきょう発表しました。北陵国はこれまでに部隊を送っていますが追加の派遣が行われたとみられています。戦況によって増強すると分析しています。',
    want: [
      { speaker: '南陵軍', cue: 'とする分析をきょう発表しました', content: '北陵国が部隊を増やした' },
      { speaker: '南陵軍', cue: 'と分析しています', content: '戦況によって増強する' },
    ],
  },
  '一方で without a comma is a connective; a state\'s intelligence agency (諜報機関) speaks as government': {
    text: '北辰研究所によれば、両国は輸送を減らす兆候も示しているという。一方で韓国の諜報機関は、軍用機が頻繁に飛行していると報告している。',
    want: [{ speaker: '諜報機関', cue: 'と報告している', content: '軍用機が頻繁に飛行している' }],
  },
});

run({
  'これに先立ち opens a sentence as a connective; a Korean name in katakana is later its surname (チョン・ミンホ報道官, then チョン報道官)': {
    text: '南陵国防部のチョン・ミンホ報道官は定例会見で、「部隊の規模は1万人を超えた」と説明した。チョン報道官は「新たな事実はない」と述べた。これに先立ち、北陵外務省のマリア・ロッシ報道官も会見で、「移動は続いている」と述べた。',
    want: [
      { speaker: 'チョン・ミンホ', cue: 'と述べた', content: '新たな事実はない' },
      { speaker: 'マリア・ロッシ', cue: 'と述べた', content: '移動は続いている' },
    ],
  },
  'a body\'s kind before its name (南陵の情報機関、国家保安院は) is one body, not two speakers': {
    text: '南陵の情報機関、国家安全情報院は、部隊の移送を確認したと明らかにした。',
    want: [{ speaker: '国家安全情報院', cue: 'と明らかにした', content: '部隊の移送を確認した' }],
  },
  'hearsay (…ということです) about a subject with が keeps the outlet that reports it': {
    text: '北洋放送によりますと、港の閉鎖は続いています。これに先立って、川上外務大臣と森戸防衛大臣が来週、南陵を訪問する予定だということです。',
    want: [{ speaker: '北洋放送', cue: 'ということです', content: '川上外務大臣と森戸防衛大臣が来週、南陵を訪問する予定だ' }],
  },
  'hearsay (…という) after sentences that only tell what a body did is no claim of that body; after a body that spoke, it is': {
    text: 'HOKUSHINは3月、月面に着陸した。さらに、観測データは各国の研究機関に提供されるという。北陵電機は、部品の出荷を再開したと発表した。工場は来月にも全面稼働するという。',
    want: [
      { speaker: '北陵電機', cue: 'と発表した', content: '部品の出荷を再開した' },
      { speaker: '北陵電機', cue: 'という', content: '工場は来月にも全面稼働する' },
    ],
    none: ['観測データは'],
  },
});

test('people: a full name keeps its given name when a short form follows (平岡俊介南陵大教授, later 平岡教授); a Korean short form joins its full name', () => {
  const a = analyze('見出し\n\n専門家の平岡俊介南陵大教授と会った。平岡教授は「関係は続く」と分析した。チョン・ミンホ報道官は会見した。チョン報道官は「事実はない」と述べた。\n');
  const people = a.people.map((p) => `${p.name}|${p.organization}|${p.title}`);
  assert.ok(people.includes('平岡俊介|南陵大|教授'), people.join(' '));
  assert.ok(!a.people.some((p) => p.name === 'チョン'), people.join(' '));
});

test('a body\'s kind before its name gives one speaker, not two', () => {
  const a = analyze('南陵の情報機関、国家安全情報院は、部隊の移送を確認したと明らかにした。');
  assert.equal(a.attributions.length, 1);
  assert.equal(a.attributions[0]!.speakers.length, 1, JSON.stringify(a.people.map((p) => p.name)));
});

test('a footnote label left after a speaker\'s post (川村報道官注2は) is not part of the name', () => {
  const a = analyze('見出し\n\n北陵外務省の川村報道官注2は、協議は続くと述べた。\n');
  const claim = a.attributions.find((x) => x.content.text === '協議は続く');
  assert.ok(claim);
  assert.equal(a.people.find((p) => p.id === claim.speakers[0])?.name, '川村');
});

test('a verb of speech in its continuative form before を is a noun (と憤りを見せた…たちが): no claim of its own', () => {
  const a = analyze('北陵メディアの北陵網は、記事を掲載した。記事は、「漬物は南陵のものだ」と憤りを見せた南陵のネットユーザーたちが、動画にもクレームをつけ始めたと伝えた。');
  assert.ok(!a.attributions.some((x) => x.content.text === '漬物は南陵のものだ'), JSON.stringify(a.attributions.map((x) => [x.cue?.text, x.content.text])));
});

run({
  'a clause with a noun for predicate before と (…は…にとってプラスと) and a view voiced after adverbs (従来の見方を改めて示した)': {
    text: '会見で森戸健司北銀総裁は、円安は国内経済にとってプラスと従来の見方を改めて示した。',
    want: [{ speaker: '森戸健司', cue: 'と従来の見方を改めて示した', content: '円安は国内経済にとってプラス' }],
  },
  'the holder named between the view noun and its verb (…を目指す考えを平岡副会長が明らかにした); a bracketed title in a topic phrase is left out': {
    text: '会見ではまた、10月の「北辰モーターショー」について、100万人の来場者を目指す考えを平岡敏夫副会長が明らかにした。',
    want: [{ speaker: '平岡敏夫', cue: '考えを平岡敏夫副会長が明らかにした', content: '100万人の来場者を目指す' }],
  },
  'これまでの between と and the reporting noun (…などとこれまでの答弁を繰り返した)': {
    text: 'これに対し首相は「確保に努めつつ、接種を急ぐ」などとこれまでの答弁を繰り返すにとどまった。',
    want: [{ speaker: '首相', content: '確保に努めつつ、接種を急ぐ', kind: 'quote' }],
  },
});

test('a body\'s short name between a name and its post (森戸健司北銀総裁, 田中外務省報道官) is the organisation', () => {
  const a = analyze('見出し\n\n森戸健司北銀総裁は、物価は落ち着くと述べた。田中外務省報道官は、協議は続くと述べた。\n');
  const people = a.people.map((p) => `${p.name}|${p.organization}|${p.title}`);
  assert.ok(people.includes('森戸健司|北銀|総裁'), people.join(' '));
  assert.ok(people.includes('田中|外務省|報道官'), people.join(' '));
});

run({
  'a plain topic before a quotation is the quotation\'s subject and part of what was said (…下回る国は「守らない」と発言); an aboutness phrase is not': {
    text: '北陵党の森戸代表は、負担が目標を下回る国は「守らない」と発言。川上幹事長は、増税については「反対だ」と述べた。',
    want: [
      { speaker: '森戸', cue: 'と発言', content: '負担が目標を下回る国は「守らない」' },
      { speaker: '川上', cue: 'と述べた', content: '反対だ', kind: 'quote' },
    ],
  },
  'a speech as the venue (締めの発言で、) is left out of what was said': {
    text: '森戸氏は締めの発言で、市民は「二つの道を聞いた」と指摘した。',
    want: [{ speaker: '森戸', cue: 'と指摘した', content: '市民は「二つの道を聞いた」' }],
  },
});

run({
  'the subject of a clause contrasted with the next (Aが…したのに対し、Bは…) is not the sentence\'s speaker': {
    text: '森戸候補が増税を主張したのに対し、川上候補は、景気を冷やす恐れがあるとして慎重な姿勢を示しました。',
    want: [{ speaker: '川上', cue: 'として', content: '景気を冷やす恐れがある' }],
    none: ['主張したのに対し'],
  },
});

run({
  'an aboutness phrase with a clause describing its noun (…が決まった森戸氏について、) is left out; the group after it speaks, relayed by the outlet': {
    text: '見出し\n\n6日、北洋メディア・北洋01は、党首への復帰が決まった森戸氏について、南陵の学者が「森戸氏は増税を急がないだろう」との見方を示したと報じた。\n',
    want: [
      { speaker: '南陵の学者', cue: 'との見方を示した', content: '森戸氏は増税を急がないだろう', via: '北洋01' },
      { speaker: '北洋01', cue: 'と報じた', content: '南陵の学者が「森戸氏は増税を急がないだろう」との見方を示した' },
    ],
  },
  'the topic before an aboutness phrase still speaks (X首相は…問題について、…考えを示した)': {
    text: '見出し\n\nまた、川上首相は党の資金をめぐる問題について、信頼を取り戻すために取り組んでいく考えを示しました。\n',
    want: [{ speaker: '川上', cue: '考えを示しました', content: '信頼を取り戻すために取り組んでいく' }],
  },
});

run({
  'と評した reports; a clause closed by ため then とする (…を守るためとしている) is a claim; 「…」という――。 is a quotation': {
    text: '見出し\n\n森戸氏は川上代表については「大変な親日家で知られる」と評した。\n大統領令によると、輸出を禁じる。国益を守るためとしている。\nエコノミストの岸辺真理さんは「経済はそれほど単純に悪化しない」という――。\n',
    want: [
      { speaker: '森戸', cue: 'と評した', content: '大変な親日家で知られる' },
      { speaker: '大統領令', cue: 'としている', content: '国益を守るため' },
      { speaker: '岸辺真理', cue: 'という', content: '経済はそれほど単純に悪化しない', kind: 'quote' },
    ],
  },
});

test('minutes: a turn headed by a name and a post (森山委員長 …) is a turn; a roster of members (委員長 森山 健三君) is no turn and names no one', () => {
  const text = '会議録\n\n 出席委員\n\n   委員長 森山 健三君\n\n   理事 北川 圭一君 理事 松井  誠君\n\n      大野  修君    栗田 万里君\n\n森山委員長 これより会議を開きます。\n\n北川委員 港の復旧について伺います。\n\n松井国務大臣 政府としては全力で対応しております。\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`);
  assert.deepEqual(turns, ['森山:これより会議を開きます。', '北川:港の復旧について伺います。', '松井:政府としては全力で対応しております。']);
  assert.ok(!a.people.some((p) => /^(?:理事|大野|委員長)$/.test(p.name)), a.people.map((p) => p.name).join(' '));
});

test('minutes: one turn per line in a block, each its own; a turn runs on over the lines and paragraphs after it up to the next; ○政府参考人(竹内理沙君) names the member', () => {
  const text = '第七回 港湾委員会\n\n○三好康夫君 港の再建計画について伺います。\n○国務大臣(今井正道君) 計画は年内にまとめます。\n財源は補正予算で手当てします。\n\n地元とも協議を重ねております。\n○政府参考人(竹内理沙君) 補足いたします。\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p]));
  const turns = a.attributions.filter((x) => x.evidence.some((e) => e.rule === 'ja:label-turn-minutes')).map((x) => `${byId.get(x.speakers[0]!)!.name}:${x.content.text}`);
  assert.deepEqual(turns, ['三好康夫:港の再建計画について伺います。', '今井正道:計画は年内にまとめます。\n財源は補正予算で手当てします。\n\n地元とも協議を重ねております。', '竹内理沙:補足いたします。']);
  assert.deepEqual(a.people.filter((p) => p.title).map((p) => `${p.name}|${p.title}`).sort(), ['今井正道|国務大臣', '竹内理沙|政府参考人']);
  for (const x of a.attributions) assert.equal(text.slice(x.content.start, x.content.end), x.content.text);
});

test('transcripts: a turn runs on over the paragraphs after it up to the next turn, and ends at a line that is no sentence (a credit); 記者団 山田氏 names no 団 山田', () => {
  const text = '会見の一問一答\n\n 記者団 港の再開はいつになるのか。\n\n 知事 来月には一部を再開したい。\n\n 残る岸壁は年内の復旧を目指す。\n\n 記者団 山辺氏から報告を受けたのか。\n\n 知事 受けていない。\n\n(編集・北浜)\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`);
  assert.deepEqual(turns, ['記者団:港の再開はいつになるのか。', '知事:来月には一部を再開したい。\n\n 残る岸壁は年内の復旧を目指す。', '記者団:山辺氏から報告を受けたのか。', '知事:受けていない。']);
  assert.ok(!a.people.some((p) => p.name.startsWith('団')), a.people.map((p) => p.name).join(' '));
});

run({
  'についても before a quotation is what was spoken about, not said: …委員会についても「…」と述べ': {
    text: '見出し\n\n北村官房長官は会見で、調整委員会についても「開くべきではないとの声が多い」と述べ、先送りを示唆した。同氏は港湾計画に関しても「見直しは避けられない」と踏み込んだ。\n',
    want: [
      { speaker: '北村', cue: 'と述べ', content: '開くべきではないとの声が多い', kind: 'quote' },
      { speaker: '北村', cue: 'と踏み込んだ', content: '見直しは避けられない', kind: 'quote' },
    ],
  },
});

run({
  'a circumstance after the topic (北村氏は会見で、物価が上がる中、「…」と) leaves the topic the speaker': {
    text: '見出し\n\n北村総裁は会見で、物価が上がる中、「実質金利は深いマイナスにある」と語った。南条氏は、交渉が続くなかで、「合意は近い」と述べた。\n',
    want: [
      { speaker: '北村', cue: 'と語った', content: '実質金利は深いマイナスにある', kind: 'quote' },
      { speaker: '南条', cue: 'と述べた', content: '合意は近い', kind: 'quote' },
    ],
  },
});

run({
  'a finding published on a date (Xが1日に実施した調査によると) is X\'s, not the last speaker\'s': {
    text: '見出し\n\n北洋銀行の森山総裁は「利上げを続ける」と述べた。\n\n北浜通信が1日に実施した特別調査によると、景気は春までに持ち直す。\n',
    want: [
      { speaker: '森山', cue: 'と述べた', content: '利上げを続ける', kind: 'quote' },
      { speaker: '北浜通信', cue: 'によると', content: '景気は春までに持ち直す', kind: 'according_to' },
    ],
  },
});

run({
  'a topic, then a quotation closing the sentence with its verb left out (X教授は「…」。 / …について、「…」とも。)': {
    text: '見出し\n\n北村教授は「停戦に同意する理由はない」。南条研究員は支援の行方について、「春までは続く」とも。\n北村教授は「停戦」を重視する。\n',
    want: [
      { speaker: '北村', content: '停戦に同意する理由はない', kind: 'quote' },
      { speaker: '南条', cue: 'とも', content: '春までは続く', kind: 'quote' },
    ],
  },
});

test('a header giving who holds a post (報道官:林海) is no turn; the turns under it are', () => {
  const a = analyze('定例記者会見\n\n報道官:林海\n\n北浜通信記者:港の再開はいつか。\n\n林海:来月には再開する。\n\n北浜通信記者:費用は。\n\n林海:国が負担する。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`);
  assert.ok(!turns.some((t) => t.endsWith(':林海')), turns.join(' / '));
  assert.ok(turns.includes('林海:来月には再開する。') && turns.includes('林海:国が負担する。'), turns.join(' / '));
});

run({
  '…とにらむ reports a forecast; two posts held at once (国務委員兼外交部長) are one title': {
    text: '見出し\n\n北浜投資研究所代表の中川文彦さんは「円安はピークに近い」とにらむ。林海(Lin Hai)国務委員兼外交部長は「関係は改善している」と述べた。\n',
    want: [
      { speaker: '中川文彦', cue: 'とにらむ', content: '円安はピークに近い', kind: 'quote' },
      { speaker: '林海', cue: 'と述べた', content: '関係は改善している', kind: 'quote' },
    ],
  },
});

run({
  '次のように述べた。 then the rest of the paragraph: what was said': {
    text: '見出し\n\n林海氏は次のように述べた。両国関係は改善している。両国は共に歩むことを願っている。\n\n河野氏は、協力を進めたいと述べた。\n',
    want: [
      { speaker: '林海', cue: '次のように述べた', content: '両国関係は改善している。両国は共に歩むことを願っている', kind: 'reported' },
      { speaker: '河野', cue: 'と述べた', content: '協力を進めたい' },
    ],
  },
});

run({
  'the speaker named after と (…したと、X が明らかにした): the subject opening the sentence is part of what was said': {
    text: '見出し\n\n北朝鮮が15日、沖合(北海、旧名・北洋)に飛翔体2発を発射したと、韓国の統合参謀本部が明らかにした。\n',
    want: [{ speaker: '統合参謀本部', content: '北朝鮮が15日、沖合(北海、旧名・北洋)に飛翔体2発を発射した' }],
  },
});

test('a press conference whose principal introduces themselves answers its questions (…北浜一郎でございます。 … Q:… A:…), headings between or not', () => {
  const text = '大臣会見概要\n\n1 発表事項\n\n 皆さん、こんにちは。港湾大臣に就任いたしました北浜一郎でございます。よろしくお願いいたします。\n\n2 質疑応答\n\nQ:港の再開はいつになりますか。\n\nA:来月には一部を再開したいと考えております。\n\nQ:費用はどうなりますか。\n\nA:国が負担いたします。\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const answers = a.attributions.filter((x) => x.evidence.some((e) => e.rule === 'ja:interview-answer')).map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`);
  assert.deepEqual(answers, ['北浜一郎:来月には一部を再開したいと考えております', '北浜一郎:国が負担いたします']);
});

test('minutes as a video record gives them: the speaker on a line of its own after the time, the speech in the paragraph below', () => {
  const text = '00:01:08 ~ 00:02:01 委員長(岸本ゆかり君)\nただいまから港湾委員会を開会いたします。\n|\n00:02:01 ~ 00:04:28 三好康夫君\n港の再建計画について伺います。年内にまとまりますか。\n|\n00:04:28 ~ 00:05:10 国務大臣(今井正道君)\n計画は年内にまとめます。\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.filter((x) => x.evidence.some((e) => e.rule === 'ja:label-turn-minutes')).map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`);
  assert.deepEqual(turns, ['岸本ゆかり:ただいまから港湾委員会を開会いたします。', '三好康夫:港の再建計画について伺います。年内にまとまりますか。', '今井正道:計画は年内にまとめます。']);
});

run({
  'a long description of the speaker after と, with the copula and a comma in it (…、と米国在住で、北辰研究所のミサイル専門家X氏は語る)': {
    text: '見出し\n\nこうした主張が示すのは、北陸国が開発を緩める気がないことだ、と米国在住で、北辰国際戦略研究所(NISS)のミサイル専門家マイケル・エルマン氏は語る。\n',
    want: [{ speaker: 'マイケル・エルマン', content: 'こうした主張が示すのは、北陸国が開発を緩める気がないことだ' }],
  },
});

test('a described name heading what they said (北辰戦略研究所研究主幹・森川健一 中国が…): a turn, and the body before the dot names no one', () => {
  const a = analyze('【あの一言】\n北辰戦略研究所研究主幹・森川健一 中国が台湾を攻めた時の対応を米国は言わないできた。それは通用しなくなっている。\n東海学園大学教授・朱明遠 武力行使は最後の手段だ。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text.slice(0, 6)}`);
  assert.deepEqual(turns, ['森川健一:中国が台湾を', '朱明遠:武力行使は最']);
  assert.deepEqual(a.people.map((p) => p.name).sort(), ['朱明遠', '森川健一']);
});

test('a label line with the body before the name (北辰防衛研究院 森川健一所長), the quotation on the next line; 北辰防衛研究員 names no one', () => {
  const a = analyze('“有事”どう捉える?\n北辰防衛研究院。陸軍出身の森川健一所長が取材に応じた。\n国防安全研究員 森川健一所長\n「侵攻には様々なシナリオが考えられます」\n海上封鎖、ミサイル攻撃。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`), ['森川健一:侵攻には様々なシナリオが考えられます']);
  assert.deepEqual(a.people.map((p) => p.name), ['森川健一']);
});

test('a party before a spaced name on a label line (北辰党 森戸代表, 日本改革の会 北村代表) is the organisation, not part of the name', () => {
  const a = analyze('各党首「最後の訴え」\n\n北辰党 森戸代表\n「責任ある政治を行って参ります」\n\n日本改革の会 北村代表\n「絶対おかしいですよ」\n');
  assert.deepEqual(a.people.filter((p) => p.type === 'person').map((p) => p.name).sort(), ['北村', '森戸']);
});

test('a broadcast transcript: label lines inside one sentence each label the quotation below; a thought inside it is the speaker\'s; 坂元キャスター is 坂元', () => {
  const text = '番組アーカイブ\n\nゲスト\n\n併合から1年 発言の波紋\n坂元キャスター\n「一昨日、大統領が国営テレビで、昨年の併合の時に核兵器の使用を準備していたことを明らかにしました。北村さん、この発言をどう受け止めていますか?」\n北村教授\n「準備をしていたとは思えないです。当時は五輪があったでしょう。大統領はソチにいたと思うんです。あの混乱の中で、核兵器まで頭が及ばなかったと思うんです」\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text.slice(0, 8)}`), ['坂元:一昨日、大統領が', '北村:準備をしていたと']);
});

run({
  'an opinion voiced from a source (Xからは、…との声が上がった / AやBなど多くの出席者から…という意見が相次いだ)': {
    text: '見出し\n\n野党からは、説明が足りないとの批判が相次いだ。森川健一教授からは「対話が必要だ」との指摘が出た。北辰研究所の森戸一馬研究員や港湾協会の北村修理事など多くの出席者から、計画を見直すべきだという意見が相次いだ。\n',
    want: [
      { speaker: '野党', content: '説明が足りない' },
      { speaker: '森川健一', content: '対話が必要だ', kind: 'quote' },
      { speaker: '北村修', content: '計画を見直すべきだ' },
    ],
  },
});

test('a transcript page that lost its line breaks: colon labels after a stop and a space open turns, each to the next break', () => {
  const text = '【解説】利上げのタイミング\n北村: 利上げはないとは言っていない、という感じですよね。 日銀が表現を変えたことも注目に値する。 北村: リスクの度合いは下がっていると。 南条: この表現を使わないようにしたのは、次はないと解釈されるからです。 南条: 現実的には為替次第なのかなと。\n';
  const a = analyze(text);
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}:${x.content.text}`), [
    '北村:利上げはないとは言っていない、という感じですよね',
    '北村:リスクの度合いは下がっていると',
    '南条:この表現を使わないようにしたのは、次はないと解釈されるからです',
    '南条:現実的には為替次第なのかなと',
  ]);
});

run({
  '同氏 is the person named last outside quotations, even one who has not spoken yet (…X氏の発言を伝えている。同氏は「…」と分析)': {
    text: '見出し\n\n北洋研究所のイワン・ペトロフ所長は「対話が要る」と指摘した。北洋通信はまた、南陵研究所のセルゲイ・マルコフ氏の発言を伝えている。同氏は「制裁は逆効果だろう」と分析。\n',
    want: [{ speaker: 'セルゲイ・マルコフ', content: '制裁は逆効果だろう', kind: 'quote' }],
  },
});

test('people: a kanji name before a body that opens with a place (森田健朝鮮労働党委員長) and a name ending in a place kanji (森田正日総書記)', () => {
  const a = analyze('見出し\n\n関係者は「森田健朝鮮労働党委員長は動かない」と語る。森田正日総書記が指示した。\n');
  const people = a.people.map((p) => `${p.name}|${p.organization}|${p.title}`);
  assert.ok(people.includes('森田健|朝鮮労働党|委員長'), people.join(' '));
  assert.ok(people.some((p) => p.startsWith('森田正日|')), people.join(' '));
});

run({
  '「…」とする、X研究所のY氏のインタビューを掲載した: the quotation is the interviewee\'s': {
    text: '見出し\n\n北洋通信のウェブサイトは15日、「具体的な計画が必要だ」とする、南陵研究所のイワン・ペトロフ所長のインタビューを掲載した。\n',
    want: [{ speaker: 'イワン・ペトロフ', content: '具体的な計画が必要だ' }],
  },
});

test('the head of a body just named (…戦略研究所長, …朝鮮研究センター長) is that body\'s 所長 or センター長', async () => {
  const { splitPost } = await import('../../src/core/extract/vocabulary.ts');
  assert.deepEqual(splitPost('北洋科学アカデミー経済学研究所アジア戦略研究所長'), { organization: '北洋科学アカデミー経済学研究所アジア戦略研究所', title: '所長' });
  assert.deepEqual(splitPost('南陵研究所朝鮮研究センター長'), { organization: '南陵研究所朝鮮研究センター', title: 'センター長' });
});

run({
  'として then いて (…難しかったとしていて、) is one cue; the claim after it starts after it': {
    text: '防衛局は、見極めが難しかったとしていて、今後、探知能力の向上が課題だとしています。',
    want: [
      { speaker: '防衛局', cue: 'としていて', content: '見極めが難しかった' },
      { speaker: '防衛局', cue: 'としています', content: '今後、探知能力の向上が課題だ' },
    ],
  },
  'the same speaker\'s claims chained, the last one hearsay (…を行っているとし、…確認されていないという。)': {
    text: '北川防衛大臣は会見で「追加の発射を確認した」と述べた。\n詳細については、引き続き分析を行っているとし、領域への飛来は確認されていないという。\n',
    want: [
      { speaker: '北川', cue: 'とし', content: '引き続き分析を行っている' },
      { speaker: '北川', cue: 'という', content: '領域への飛来は確認されていない' },
    ],
  },
});

test('a clause set against the topic\'s answer (記者団が「…」と質問したのに対し、) is not the topic\'s claim', () => {
  const a = analyze('見出し\n\n北川防衛大臣は、記者団が「弾頭は三つか」と質問したのに対し、「今のところ1発と判断している」と述べました。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const claims = a.attributions.map((x) => `${x.speakers.map((id) => byId.get(id)).join('+')}:${x.content.text}`);
  assert.ok(claims.includes('北川:今のところ1発と判断している'), claims.join(' '));
  assert.ok(!claims.some((c) => c.startsWith('北川:') && c.includes('弾頭')), claims.join(' '));
});

run({
  '同氏 is not a person named in its own sentence (…氏の勝利を的中させた実績を持つ同氏は)': {
    text: '見出し\n\n木下健太氏もテレビ番組で「必ず停戦する」と断言。選挙で川島氏の勝利を的中させた実績を持つ同氏は、「川島氏は不可能を可能にする人物」と指摘している。\n',
    want: [{ speaker: '木下健太', cue: 'と指摘している', content: '川島氏は不可能を可能にする人物' }],
  },
});

run({
  'a document as topic before a quotation (報告書は「…」と指摘) is where it is from, not part of what was said': {
    text: '北辰証券のアナリストは、報告書は「次回の利上げが前倒しされる可能性は排除できない」と指摘しています。',
    want: [{ speaker: '北辰証券のアナリスト', cue: 'と指摘しています', content: '次回の利上げが前倒しされる可能性は排除できない', kind: 'quote' }],
  },
});

run({
  'an interview: the person a clause describes before the first question answers; a question paragraph runs to its end, and a person it names does not answer': {
    text: '見出し\n\n 外交官として約40年渡りあった森戸秀樹氏が昨年末、大使の任を終えて退官した。話を聞いた。\n\n ――総統選がありました。川上主席は統一を「必然」と言っていますが、どこまで目指すでしょう。\n\n 「皆さん誤解があると思う。必然ではない」\n\n ――鄧氏は道筋をつけました。\n\n 「鄧がやったのはレールを敷いたことだ」\n',
    want: [
      { speaker: '森戸秀樹', content: '皆さん誤解があると思う。必然ではない', rule: 'ja:interview-answer' },
      { speaker: '森戸秀樹', content: '鄧がやったのはレールを敷いたことだ', rule: 'ja:interview-answer' },
      { speaker: '川上', cue: 'と言っています', content: '必然' },
    ],
  },
  'an interview with questions put to someone (…という森戸氏に、20代の会社員が率直な疑問をぶつけた): that person answers, a heading between': {
    text: '経済アナリストの森戸健三氏が新著を出した。若い人にこそ世界の仕組みを知ってほしいという森戸氏に、20代の会社員が率直な疑問をぶつけた。\n私たちが見聞きする情報は断片的だ。今回のテーマは関税だ。\n関税にあった2つの狙い\n――関税についてはどう思われましたか。\n以前から高い関税はありましたが、同盟国には基本的にゼロだったんです。\n――狙いは何だったのでしょうか。\n関税収入が増えることでしょう。\n',
    want: [
      { speaker: '森戸健三', content: '以前から高い関税はありましたが、同盟国には基本的にゼロだったんです', rule: 'ja:interview-answer' },
      { speaker: '森戸健三', content: '関税収入が増えることでしょう', rule: 'ja:interview-answer' },
    ],
  },
  'an interview granted (…前首相が応じた本紙との単独会見の一問一答は、次の通り): that person answers the questions, a heading between': {
    text: '南陵の森戸健三前首相が応じた本紙との単独会見の主な一問一答は、次の通り。\n(聞き手=北辰支局・川上一郎)\n■外交\n――今年の展望は。\n「一つの転換点を迎えるとみている」\n――対話は進むのか。\n「進むと思う。どの国も戦争は望んでいない」\n',
    want: [
      { speaker: '森戸健三', content: '一つの転換点を迎えるとみている', rule: 'ja:interview-answer' },
      { speaker: '森戸健三', content: '進むと思う。どの国も戦争は望んでいない', rule: 'ja:interview-answer' },
    ],
  },
});

test('a caster or announcer on a line of their own labels the quotation on the next (反町キャスター / 「…」)', () => {
  const a = analyze('見出し\n\n森山キャスター\n「台湾のことを先に片づけさせてください。過去にはそういう言い方をしていたのですか?」\n加茂教授\n「国民党の役割が評価されている」\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const turns = a.attributions.map((x) => byId.get(x.speakers[0]!));
  assert.deepEqual(turns, ['森山', '加茂']);
});

run({
  'a subject in a clause chained in the continuative and made a topic by こと (…氏が先に現地入りして、…を迎えたことについては) is not the speaker': {
    text: '見出し\n\n北辰大の中山逸夫名誉教授は会談について「異例だ」と指摘。森山氏が先に現地入りして、川上氏を迎えたことについては、「これまでにない光景」と説明。\n',
    want: [{ speaker: '中山逸夫', cue: 'と説明', content: 'これまでにない光景' }],
  },
  'after a person\'s claim, a country before としつつ carries the person\'s explanation on': {
    text: '見出し\n\n北洋研究所のイワン・ペトロフ氏は「南陵は制裁を強めるべきだとの立場だ」としながら、中国とインドは「具体的な計画には賛成」であるとしつつも、経済を窒息させる措置は望んでいないと述べている。\n',
    want: [{ speaker: 'イワン・ペトロフ', cue: 'と述べている', content: '経済を窒息させる措置は望んでいない' }],
    none: [],
  },
  '同氏 after a person\'s claim is that person, not someone the claim named; としても concedes': {
    text: '見出し\n\n北洋評議会のアンドレイ・ミハイロフ氏は、北陵のイワン・ペトロフ大統領の訪問は対応となると述べた。同氏は、二つの勢力が存在すると説明した。同氏によると、追加の決定が下されたとしても、国民がそれを知る可能性は低いという。\n',
    want: [
      { speaker: 'アンドレイ・ミハイロフ', cue: 'と説明した', content: '二つの勢力が存在する' },
      { speaker: 'アンドレイ・ミハイロフ', cue: 'によると' },
    ].map((w) => ({ content: '追加の決定が下されたとしても、国民がそれを知る可能性は低い', ...w })),
  },
});

run({
  'この専門家 takes up the expert just quoted, not experts in general': {
    text: '見出し\n\n北洋評議会のアンドレイ・ミハイロフ氏は、訪問は対応となると述べた。この専門家は、協定を締結していることを認めた。\n',
    want: [{ speaker: 'アンドレイ・ミハイロフ', content: '協定を締結している' }],
  },
});

test('a minister\'s portfolio between the name and the post belongs to the post (川島復興大臣, 木村昭二経済再生担当相); a portfolio alone names no one', () => {
  for (const [text, name, title] of [
    ['川島復興大臣は視察先で、住宅の再建を急ぐと述べた。', '川島', '復興大臣'],
    ['木村昭二経済再生担当相は、交渉は最終段階だと語った。', '木村昭二', '経済再生担当相'],
    ['経産省の坂井昭仁大臣は10日、協議を続けると述べた。', '坂井昭仁', '大臣'],
    ['本日は、野口防災副大臣とともに被災地を訪れました。', '野口', '防災副大臣'],
  ] as const) {
    const a = analyze(text);
    const p = a.people.find((x) => x.name === name);
    assert.ok(p, `${text}: ${JSON.stringify(a.people.map((x) => x.name))}`);
    assert.equal(p.title, title, text);
  }
  const alone = analyze('野党は「疑惑のある経済再生担当相を更迭すべきだ」と迫った。');
  assert.deepEqual(alone.people.filter((p) => p.type === 'person').map((p) => p.name), []);
});

test('press-conference transcripts: the title names the principal, who makes the opening statement and answers each (答); (問) is no claim', () => {
  const text = [
    '川島復興大臣記者会見録[令和7年2月4日]', '',
    '令和7年2月4日(火)10:02~10:20 於)復興庁記者会見室', '',
    '1.発言要旨', '',
    ' 沿岸部の視察を来週行う予定でございます。', '',
    '2.質疑応答', '',
    '(問)視察の狙いを教えてください。', '',
    '(答)現地の声を直接伺うことが狙いです。漁港の再建がどこまで進んだかも確かめたいと考えています。', '',
    '(問)予算の見通しは。',
    '(答)必要な額はしっかり確保していくということでございます。', '',
  ].join('\n');
  const got = claimsOf(text);
  const said = got.map((g) => `${g.names[0]}|${g.cue ?? ''}|${g.content}`);
  assert.deepEqual(said, [
    '川島||沿岸部の視察を来週行う予定でございます',
    '川島|(答)|現地の声を直接伺うことが狙いです。漁港の再建がどこまで進んだかも確かめたいと考えています',
    '川島|(答)|必要な額はしっかり確保していくということでございます',
  ]);
});

test('a newspaper\'s full transcript of a conference (…会見の全文): --questions on short lines, answers in brackets, short or long, under the principal\'s name or not', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.cue?.text ?? ''}|${x.content.text.trim()}`);
  };
  const text = [
    '台風被害 岡崎国交相会見の全文(上)「復旧を急ぐ」', '',
    ' --堤防の被害はどの程度か', '',
    ' 「詳しい数字はまだ集計中だが、決壊は2カ所という報告を受けている。詳細は河川局に尋ねてほしい」', '',
    ' --大臣はどこに', '',
    ' 「私は省内で待機していた」', '',
    ' --仮設住宅は', '',
    ` 岡崎国交相「必要な戸数を${'早急に確保して、被災した方々が一日も早く落ち着いた暮らしに戻れるよう全力を挙げる。'.repeat(6)}」`, '',
  ].join('\n');
  const got = said(text);
  assert.deepEqual(got.slice(0, 2), ['岡崎||詳しい数字はまだ集計中だが、決壊は2カ所という報告を受けている。詳細は河川局に尋ねてほしい', '岡崎||私は省内で待機していた']);
  // (The long answer under the name: the name is its cue, the quotation without its brackets its content.)
  assert.equal(got.length, 3);
  assert.ok(got[2]!.startsWith('岡崎|岡崎国交相|必要な戸数を早急に確保して') && got[2]!.endsWith('全力を挙げる。'), got[2]);
  // (The title is the first line alone: the question and the answer after it are the body.)
  assert.equal(analyze(text).document.title, '台風被害 岡崎国交相会見の全文(上)「復旧を急ぐ」');
});

test('a speaker\'s label in brackets at the head of a line or alone on it ((知事), 【知事】) opens a turn; another bracketed label ends it; a post alone is the conference\'s principal', () => {
  const turns = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.cue?.text}|${x.content.text}`);
  };
  const alone = '見出し\n\n(知事)\n 予算の査定はこれからです。財源の確保が課題だと考えています。\n\n(北東新聞)\n 優先する事業は何ですか。\n\n(知事)\n 防災が第一です。\n';
  assert.deepEqual(turns(alone), ['知事|(知事)|予算の査定はこれからです。財源の確保が課題だと考えています。', '知事|(知事)|防災が第一です。']);
  assert.deepEqual(turns(alone.replace(/\((知事|北東新聞)\)/g, '【$1】')), ['知事|【知事】|予算の査定はこれからです。財源の確保が課題だと考えています。', '知事|【知事】|防災が第一です。']);
  const inline = '見出し\n\n(知事)予算の査定はこれからです。\n\n(北東新聞)優先する事業は何ですか。\n\n(知事)防災が第一です。\n';
  assert.deepEqual(turns(inline), ['知事|(知事)|予算の査定はこれからです。', '知事|(知事)|防災が第一です。']);
  const titled = `北村知事定例記者会見\n\n${alone.slice(alone.indexOf('(知事)'))}`;
  assert.deepEqual(turns(titled), ['北村|(知事)|予算の査定はこれからです。財源の確保が課題だと考えています。', '北村|(知事)|防災が第一です。']);
  // Stage directions in brackets are no speakers.
  assert.deepEqual(turns('見出し\n\n(中略)\n 会場から質問が出た。\n\n(中略)\n 以上です。\n'), []);
});

test('press conferences: the chair of a body (…会長記者会見) answers (問)/(答) lines in one block; a name and post alone on a line heads the turn below it', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text.trim()}`);
  };
  const banks = '2024年6月13日\n\n村瀬会長記者会見(北辰銀行頭取)\n\n会長記者会見の模様\n\n(問)\n 金利の先行きをどう見ているか。\n(答)\n 緩やかに上がっていくと思う。預金の動きも注視したい。\n';
  assert.deepEqual(said(banks), ['村瀬|緩やかに上がっていくと思う。預金の動きも注視したい']);
  const governor = '知事定例記者会見\n発表項目\n(幹事社)\nおはようございます。\n北村知事\n今日は2点あります。まず、補助を始めます。\n次に、窓口を増やします。\n';
  assert.deepEqual(said(governor), ['北村|今日は2点あります。まず、補助を始めます。\n次に、窓口を増やします。']);
  // (A portfolio the office list does not hold, …特命担当大臣, is read from the title's name and post; - 問) and - 答)
  // alone on their lines put the question and the answer in the paragraphs below them.)
  const minister = '北浦財務大臣兼内閣府特命担当大臣閣議後記者会見の概要\n【質疑応答】\n- 問)\n-\n予算案の修正について、大臣のお考えをお聞かせください。\n- 答)\n-\n国会において議論されるべきことだと考えております。\n';
  assert.deepEqual(said(minister), ['北浦|国会において議論されるべきことだと考えております']);
  // (Opening remarks under the minister's label run on over the paragraphs after it: one turn, not a turn and answers.)
  const opening = '北浦外務大臣臨時会見記録\n冒頭発言\n【北浦外務大臣】邦人10人が退避しました。\n政府としては、全力で取り組んできました。\n';
  assert.deepEqual(said(opening), ['北浦|邦人10人が退避しました。\n政府としては、全力で取り組んできました。']);
});

test('no name and post where a word holds the post\'s kanji (様相), a number counts (3年度以前知事), a post, a portfolio or a known body stands alone (参院議員会長, 防衛副大臣, 全銀協会長)', () => {
  const people = (text: string) => analyze(text).people.filter((p) => p.type === 'person').map((p) => p.name);
  assert.deepEqual(people('混乱の様相が深まるのではないかと懸念している。'), []);
  assert.deepEqual(people('令和3年度以前知事記者会見\n\n本文です。\n'), []);
  assert.ok(!people('会合には北辰党の参院議員会長が出席した。').includes('参院議員'));
  assert.deepEqual(people('全銀協会長の発言と経団連会長の談話が注目された。'), []);
  assert.deepEqual(people('北村氏は防衛副大臣を務めた。'), ['北村']);
});

test('a surname the dictionary knows that ends like a body (阿部, 岡部) is a name before a post', () => {
  const a = analyze('阿部会長は記者会見で、金利は上がると述べた。岡部教授も同じ見方を示した。');
  assert.deepEqual(a.people.filter((p) => p.type === 'person').map((p) => `${p.name}/${p.title}`), ['阿部/会長', '岡部/教授']);
});

test('a bracketed label of two kanji set apart ((大 臣)) is the post; a deputy (副大臣) is not the minister the label names', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`);
  };
  const spaced = '見出し\n\n(記 者)\n 今後の方針は。\n\n(大 臣)\n 丁寧に説明していきます。\n\n(記 者)\n 時期は。\n\n(大 臣)\n 来月です。\n';
  assert.deepEqual(said(spaced).filter((x) => x.startsWith('大臣|')), ['大臣|丁寧に説明していきます。', '大臣|来月です。']);
  const deputy = `野口防災副大臣記者会見\n\n${spaced.slice(spaced.indexOf('(記 者)'))}`;
  assert.ok(!said(deputy).some((x) => x.startsWith('野口|')), said(deputy).join(' / '));
});

test('a line naming what a person said (森山総裁の発言内容) labels the quotation on the next line', () => {
  const got = claimsOf('見出し\n\n森山総裁の発言内容\n\n「物価の安定を確かなものにするため、緩和を続けることを決めました。」\n\n追加措置の内容\n\n- 買い入れの拡大\n');
  assert.deepEqual(got.map((g) => `${g.names[0]}|${g.rule}|${g.content}`), ['森山|ja:label-line|物価の安定を確かなものにするため、緩和を続けることを決めました。']);
});

test('an office alone as label ((知事), (大 臣)), held by no one named, is a role-only official: the government', () => {
  const speakers = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p]));
    return [...new Set(a.attributions.map((x) => { const p = byId.get(x.speakers[0]!)!; return `${p.name}/${p.type}`; }))];
  };
  const turns = '(知事)\n 予算の査定はこれからです。\n\n(北東新聞)\n 優先する事業は何ですか。\n\n(知事)\n 防災が第一です。\n';
  assert.deepEqual(speakers(`見出し\n\n${turns}`), ['知事/government']);
  assert.deepEqual(speakers(`北村知事定例記者会見\n\n${turns}`), ['北村/person']);
});

// ------------------------------------------------------------------ constructions read on fresh real text (gen10)

run({
  'と after a verb in its dictionary form, before 明らかにした, quotes (the analyser reads it as "when")': {
    text: '北浜一郎外相は6日、来週ソウルを訪問する方向で調整していると明らかにした。',
    want: [{ speaker: '北浜一郎', cue: 'と明らかにした', content: '来週ソウルを訪問する方向で調整している', kind: 'reported' }],
  },
  'a subject with が closed by として, a later cue going on from it: the speaker before goes on': {
    text: '南国の情報機関・国家調査院は3日、派兵が始まったと報告した。また、北方軍が南方軍に通信の手順を教えているとして、「意思疎通は難しい」との見方を示した。',
    want: [
      { speaker: '国家調査院', cue: 'として', content: '北方軍が南方軍に通信の手順を教えている' },
      { speaker: '国家調査院', cue: 'との見方を示した', content: '意思疎通は難しい', kind: 'quote' },
    ],
  },
  'a named subject with が before a quotation and として is the speaker (…広報官が「…」として会見を打ち切り、…よう求めた)': {
    text: '首相は質問に答えた。森田一郎広報官が「次の予定がある」として会見を打ち切り、質問できなかった記者には書面で出すよう求めた。',
    want: [{ speaker: '森田一郎', cue: 'として', content: '次の予定がある', kind: 'quote' }],
  },
});

test('a body: its kind before a dot describes it (情報機関・国家調査院), and its short form in brackets (国調院, NATO) is the same body later', () => {
  const speakers = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`);
  };
  assert.deepEqual(speakers('南国の情報機関・国家調査院(国調院)は3日、派兵を確認したと報告した。国調院は「事態は深刻だ」と述べた。'),
    ['国家調査院|派兵を確認した', '国家調査院|事態は深刻だ']);
  assert.deepEqual(speakers('北方条約機構(NSTO)は3日、派兵を確認したと発表した。NSTOは「事態は深刻だ」と述べた。'),
    ['北方条約機構|派兵を確認した', '北方条約機構|事態は深刻だ']);
});

test('turn labels on a line of their own: ○X above the turn (one paragraph or several), a name and post heading each paragraph, a question between label and answer', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p]));
    return a.attributions.map((x) => { const p = byId.get(x.speakers[0]!)!; return `${p.name}/${p.type}|${x.cue?.text ?? ''}|${x.content.text}`; });
  };
  // ○ labels alone on their lines, in one paragraph or each in its own; the paper asks as media; the turn's own
  // thought (…と思っています) is the turn, no claim of its own.
  const oneBlock = '質疑内容\n\n○北東新聞\n 県の方針を聞かせてください。\n○知事\n 慎重に判断したいと思っています。来月にも決めます。\n○北東新聞\n 時期は。\n○知事\n 来月です。';
  const want = ['北東新聞/media|○北東新聞|県の方針を聞かせてください。', '知事/government|○知事|慎重に判断したいと思っています。来月にも決めます。', '北東新聞/media|○北東新聞|時期は。', '知事/government|○知事|来月です。'];
  assert.deepEqual(said(oneBlock), want);
  assert.deepEqual(said(oneBlock.replaceAll('\n○', '\n\n○')), want);
  // A name and a post alone on a line, over each paragraph of a committee's record.
  assert.deepEqual(said('外務委員会の質疑\n\n森山委員長\n\n次に、北村太郎君。\n\n北村委員\n\n北陵党の北村太郎です。協定の試算について伺います。\n\n岡部副大臣\n\n御質問にお答えをいたします。\n'), [
    '森山/person|森山委員長|次に、北村太郎君。', '北村太郎/person|北村委員|北陵党の北村太郎です。協定の試算について伺います。', '岡部/person|岡部副大臣|御質問にお答えをいたします。',
  ]);
  // An interviewer's question between the label and the answer in brackets: the answer is the label's, the question no one's.
  assert.deepEqual(said('党首討論会\n\n候補者が過去の発言を問われました。\n\n森田元経済安保相\n\nQ：去年は反対していたが？\n\n「考えは変わっていません。状況が変わったのです」\n\n北村前防災相\n\nQ：撤回したのか？\n\n「撤回はしていません」\n'), [
    '森田/person|森田元経済安保相|考えは変わっていません。状況が変わったのです', '北村/person|北村前防災相|撤回はしていません',
  ]);
  // Lines naming a person over a paragraph that reports them (自民党の森田氏は…): headings, not turns.
  assert.deepEqual(said('各党の反応\n\n北陵 森田一郎氏\n\n北陵党の森田一郎氏は「説明が足りない」と述べました。\n\n南風 北村花子氏\n\n南風党の北村花子氏は「再発防止が先だ」と求めました。\n'), [
    '森田一郎/person|と述べました|説明が足りない', '北村花子/person|と求めました|再発防止が先だ',
  ]);
});

run({
  'a long clause before the topic (…という記者らの質問に対し、X報道官は、「…」と語った): the subject before the quotation speaks': {
    text: '現在、北国との関係はどのようなレベルにあり、彼らに変化が見られるのかという記者らの質問に対し、ボルコフ報道官は、「関係は最も低い水準にある」と語った。また、議員の発言について、同報道官は、「冷静に評価する試みもある」と強調した。',
    want: [
      { speaker: 'ボルコフ', cue: 'と語った', content: '関係は最も低い水準にある', kind: 'quote' },
      { speaker: 'ボルコフ', cue: 'と強調した', content: '冷静に評価する試みもある', kind: 'quote' },
    ],
  },
});

run({
  'an outlet citing its source (…と、X紙がY当局の話として報じた): the outlet reports; the source is no frame of its own': {
    text: '北方軍が19日早朝、南国を攻撃したと、南国で提携する北東ニュースが、当局の話として報じた。',
    want: [{ speaker: '北東ニュース', content: '北方軍が19日早朝、南国を攻撃した', kind: 'reported' }],
    none: ['報じた'],
  },
});

test('people: an unnamed spokesperson speaks for the body (中国外務省の報道官, 北方条約機構(NSTO)の報道官); X 氏 with a space is X; Name氏(body post) as a label', () => {
  const people = (text: string) => analyze(text).people.map((p) => `${p.name}/${p.type}/${p.organization ?? ''}/${p.title ?? ''}`);
  assert.deepEqual(people('南国外務省の報道官は「反対する」と述べた。'), ['南国外務省の報道官/government/南国外務省/報道官']);
  assert.deepEqual(people('北方条約機構(NSTO)の報道官も同日、「同盟国が証拠を確かめた」と述べた。'), ['北方条約機構(NSTO)の報道官/organization/北方条約機構(NSTO)/報道官']);
  assert.deepEqual(people('ホセイン・カリミ 氏は、「攻撃はない」と説明した。'), ['ホセイン・カリミ/person//']);
  assert.deepEqual(people('討論\n\n森川キャスター:台湾の情勢は。\n櫻井花子氏(北辰問題研究所理事長):私もそう思う。\n森川キャスター:なぜですか。\n').sort(),
    ['森川/person//キャスター', '櫻井花子/person/北辰問題研究所/理事長']);
});

test('a marked label over a list of points (◎北辰銀行の森川健一チーフエコノミスト / - …): the points are that person\'s; a wire\'s credit (ブルームバーグ): opens no turn', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.evidence[0]?.rule}|${x.content.text}`);
  };
  const text = '(ブルームバーグ):来週の円相場は介入の有無に注目が集まっている。\n\n◎北辰銀行市場部の森川健一チーフエコノミスト\n\n- 年内の利上げは難しい\n- 介入が差し迫っている雰囲気はない\n\n◎南洋証券の北村花子ストラテジスト\n\n- 円は上昇に転じるだろう\n';
  const got = said(text);
  assert.deepEqual(got.map((x) => x.split('|')[0]), ['森川健一', '北村花子'], got.join(' / '));
  assert.ok(got[0]!.endsWith('|年内の利上げは難しい\n- 介入が差し迫っている雰囲気はない'), got[0]);
  assert.ok(got[1]!.endsWith('|円は上昇に転じるだろう'), got[1]);
});

test('people: a given name in hiragana (片山さつき財務相) is part of the name, and a short form (片山財務相) before or after is the same person', () => {
  const names = (text: string) => analyze(text).people.map((p) => `${p.name}/${p.title}`);
  assert.deepEqual(names('北山さくら財務相は「介入もある」と述べた。北山財務相は「円安を憂慮している」と述べた。'), ['北山さくら/財務相']);
  assert.deepEqual(names('北山財務相は「介入もある」と述べた。北山さくら財務相は「円安を憂慮している」と述べた。'), ['北山さくら/財務相']);
});

test('a press conference whose title names an office alone (大臣臨時会見概要): the office answers each A:, the Q: lines are no one\'s', () => {
  const a = analyze('大臣臨時会見概要\n\n令和2年5月1日\n\n2 質疑応答\n\nQ:会談ではどのようなやりとりがあったのでしょうか。\n\nA:準備が整っていたわけではないが、会談できたことは一歩前進でしょう。\n\nQ:次の会談は。\n\nA:時期は別にして、実現したいと思います。\n');
  const byId = new Map(a.people.map((p) => [p.id, p]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)!.name}/${byId.get(x.speakers[0]!)!.type}|${x.cue?.text}|${x.content.text}`), [
    '大臣/government|A:|準備が整っていたわけではないが、会談できたことは一歩前進でしょう',
    '大臣/government|A:|時期は別にして、実現したいと思います',
  ]);
});

run({
  'a headline closing on who said it and a noun of saying (「…」 中銀の利上げに北村健一が指摘)': {
    text: '「焦点は今後の物価動向」 中銀の事実上の利上げに北村健一が指摘\n\n北村健一が20日、番組に出演した。',
    want: [{ speaker: '北村健一', cue: 'が指摘', content: '焦点は今後の物価動向', kind: 'quote' }],
  },
  'a subject with が inside a clause made a topic by こと and について, chained in the bare continuative past an adjectival noun: the speaker before speaks': {
    text: '北村健一が20日、番組に出演した。北辰銀行が大規模な金融緩和の修正を決め、事実上の利上げに踏み切ったことについて「焦点は今後の物価だ」と述べた。',
    want: [{ speaker: '北村健一', cue: 'と述べた', content: '焦点は今後の物価だ', kind: 'quote' }],
  },
  'the first two kanji of a full name the analyser cannot cut (辛坊治郎 → 辛坊は) are that person': {
    text: '辛坊治郎が出演した。北辰銀行は19日、会合を開いた。このニュースについて辛坊は、金利について解説。今回、背景について「誰も買ってくれない」と言及。',
    want: [{ speaker: '辛坊治郎', cue: 'と言及', content: '誰も買ってくれない', kind: 'quote' }],
    none: [],
  },
});

test('a paragraph closing on its subject and a comma, the quotation standing alone below it (…北村幹事長は、 / 「…」): the subject said it; with と on the next line it is the quotative\'s', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.cue?.text ?? ''}|${x.content.text}`);
  };
  assert.deepEqual(said('不機嫌なのは森山氏だけではない。選挙を取り仕切る北村一郎幹事長は、\n\n「報道のために解散することなんてできない！」\n\nさらには盟友の南野健司幹事長代行すら、\n\n「やるなら先に言うべきだろ」\n\n党の幹部たちが困惑している。\n'), [
    '北村一郎||報道のために解散することなんてできない！', '南野健司||やるなら先に言うべきだろ',
  ]);
  assert.deepEqual(said('見出し\n\n円安について専門家に聞いた。北東経済の森田一郎記者は、\n\n「物価はさらに上がるでしょう」\n\nと、今後の見通しを予測した。\n'), ['森田一郎|と、今後の見通しを予測した|物価はさらに上がるでしょう']);
});

run({
  'a frame naming an outlet and others (北東通信などによると)': {
    text: '北東通信などによると、森山国防長官は23日、ローマで「派遣の証拠がある」と発言した。',
    want: [{ speaker: '北東通信', cue: 'によると', kind: 'according_to', content: '森山国防長官は23日、ローマで「派遣の証拠がある」' }],
  },
  'an adjectival noun before としながらも is a predicate with its copula dropped; a condition before a quotation is part of what was said': {
    text: '森山長官は、派兵の目的はまだ不明としながらも、侵攻に加わるなら「とても深刻な問題だ」と強調した。',
    want: [
      { speaker: '森山', content: '派兵の目的はまだ不明', kind: 'reported' },
      { speaker: '森山', cue: 'と強調した', content: '侵攻に加わるなら「とても深刻な問題だ」', kind: 'reported' },
    ],
  },
});

run({
  'a quotation reporting what another said, named inside it (「…で情報院は『…』と伝えた」とし): theirs, through the quotation\'s speaker': {
    text: '情報委員会の北村一郎議員は13日、「全体会議で国家調査院は『実験の可能性がある。準備はできている』と伝えた」とし、対応を求めた。',
    want: [
      { speaker: '北村一郎', cue: 'とし', kind: 'quote', content: '全体会議で国家調査院は『実験の可能性がある。準備はできている』と伝えた' },
      { speaker: '国家調査院', cue: 'と伝えた', kind: 'quote', content: '実験の可能性がある。準備はできている', via: '北村一郎' },
    ],
  },
});

run({
  'a statement speaks for whoever issued it (…事務所は声明を発表した。声明によると、… / 声明はまた、「…」と強調した)': {
    text: '北陵地区メディア事務所は19日、声明を発表した。声明によると、これまでに違反行為は393件記録された。声明はまた、「これらの行為は重大な違反だ」と強調した。',
    want: [
      { speaker: '北陵地区メディア事務所', cue: 'によると', kind: 'according_to', content: 'これまでに違反行為は393件記録された' },
      { speaker: '北陵地区メディア事務所', cue: 'と強調した', kind: 'quote', content: 'これらの行為は重大な違反だ' },
    ],
  },
});

run({
  'a sentence that is only a person named (まず北陵党の森戸一郎代表。) makes them the speaker of the next; …と北村氏を牽制した reports': {
    text: '各党の反応を見てみよう。まず北陵党の森戸一郎代表。「理念に合った方でなければ組めない」と北村氏を牽制した。',
    want: [{ speaker: '森戸一郎', content: '理念に合った方でなければ組めない', kind: 'quote' }],
  },
  'a colon label of a description in two words and the name (経済評論家 元北東新聞記者 森田健一さん:)': {
    text: '討論\n\n小川キャスター:\n影響は大きいですか。\n\n経済評論家 元北東新聞記者 森田健一さん:\nこれは相当大きいですね。\n\n小川キャスター:\nなるほど。\n',
    want: [{ speaker: '森田健一', content: 'これは相当大きいですね。', kind: 'quote' }],
  },
});

test('こう述べた after a topic with も (X工業会も…の声明でこう述べた) credits the quotation below to X; a も that marks no speaker (…についてもこう続ける) is passed over', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.cue?.text ?? ''}|${x.content.text}`);
  };
  assert.deepEqual(said('見出し\n北辰工業会も17日の声明でこう述べた。\n「過度に広範な規制は安全保障の強化につながらない」\n'), ['北辰工業会|こう述べた|過度に広範な規制は安全保障の強化につながらない']);
  assert.deepEqual(said('見出し\n森田一郎教授は、決選投票の展望についてもこう続ける。\n「上位2名の争いになるでしょう」\n'), ['森田一郎|こう続ける|上位2名の争いになるでしょう']);
});

run({
  'a paper named in brackets as the topic (「北辰時報」は…と分析しています) is the outlet speaking': {
    text: '一方、「北辰時報」は新体制について「体制は10年以上続くだろう」とし「経済にも取り組むだろう」と分析しています。',
    want: [
      { speaker: '北辰時報', cue: 'とし', kind: 'quote', content: '体制は10年以上続くだろう' },
      { speaker: '北辰時報', cue: 'と分析しています', kind: 'quote', content: '経済にも取り組むだろう' },
    ],
  },
});

run({
  'a conjecture before とし is said, not tried (…開かれるであろうとし); a bare 総司令官 is the one named with that post': {
    text: '北方軍の森川健一総司令官は、攻勢は2月に起きると指摘。総司令官は、戦端はどこでも開かれるであろうとし、「首都であるかもしれない」と予測した。',
    want: [
      { speaker: '森川健一', cue: 'とし', kind: 'reported', content: '戦端はどこでも開かれるであろう' },
      { speaker: '森川健一', cue: 'と予測した', kind: 'quote', content: '首都であるかもしれない' },
    ],
    none: [],
  },
});

test('a bare post (大統領) is the person named with it where they did not speak (…米大統領と会談した); a dateline credit (【ワシントン=森田一郎】) opens no turn', () => {
  const a = analyze('見出し\n\n【ワシントン=森田一郎】北村首相はジョンソン米大統領と会談した。ジョンソン氏は「投資を行いたい」と述べた。大統領は「受け入れに感謝する」と謝意を示した。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`), ['ジョンソン|投資を行いたい', 'ジョンソン|受け入れに感謝する']);
});

run({
  'a ministry that issued a statement speaks in it (これに関連して外務省は…談話を発表しました。談話では、…「…」として), not the country before': {
    text: '北方国は28日、ミサイルを発射したと発表しました。これに関連して北方国外務省は、30日、報道官談話を発表しました。談話では、今回の発射について「厳重な警告を送るためだ」として、主張を繰り返しました。',
    want: [{ speaker: '北方国外務省', cue: 'として', kind: 'quote', content: '厳重な警告を送るためだ' }],
  },
});

test('a byline of two names on a line (根本一郎 西村花子) opens no turn', () => {
  const a = analyze('「報復措置を講じる」北方国報道官が表明\n\n国際情勢\n\n根本一郎 西村花子\n[PR]\n\n北方国外務省のサハロワ報道官は6日の記者会見で、「報復措置を講じていく」と表明した。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  assert.deepEqual(a.attributions.map((x) => byId.get(x.speakers[0]!)), ['サハロワ']);
});

test('a headline credited to an expert by kind alone (「…」=専門家) is the one expert the story names; with two, no one', () => {
  const said = (text: string) => {
    const a = analyze(text);
    const byId = new Map(a.people.map((p) => [p.id, p.name]));
    return a.attributions.filter((x) => x.evidence[0]?.rule === 'ja:label-equals').map((x) => `${byId.get(x.speakers[0]!)}|${x.content.text}`);
  };
  const one = '写真:北陵の議会(北東通信)\n\n総統発言で党内部に衝撃 「侵攻の時が体制の終わりの時」=専門家\n\n北陵の森田総統は最近、対策を提案した。法学者の袁明遠氏によれば、この行動は上層部に衝撃を与えたという。\n';
  assert.deepEqual(said(one), ['袁明遠|侵攻の時が体制の終わりの時']);
  assert.deepEqual(said(one.replace('という。', 'という。経済学者の林海峰氏も同じ見方だ。')), []);
});

run({
  'a reading glossed after a word (…と北村氏を牽制（けんせい）した) leaves the predicate whole; a name\'s reading before its post (侯明遠(こうめいえん)北港市長) stays the name\'s': {
    text: '北陵党の森戸一郎代表は「理念に合った方でなければ組めない」と北村氏を牽制（けんせい）した。南風党の侯明遠(こうめいえん)北港市長は「われわれは勝つ」と述べた。',
    want: [
      { speaker: '森戸一郎', cue: 'と北村氏を牽制（けんせい）した', kind: 'quote', content: '理念に合った方でなければ組めない' },
      { speaker: '侯明遠', cue: 'と述べた', kind: 'quote', content: 'われわれは勝つ' },
    ],
  },
});

test('a paragraph opening with a speaker and a quotation a cut excerpt never closes (森山大統領「…) is that speaker\'s turn to the paragraph\'s end', () => {
  const a = analyze('--森山大統領に質問する。同盟の役割をどう考えるか。\n森山大統領「首相は多くの装備を購入することになるでしょう。そうすれば守りは固くなると思います。日本がもっと買うことが好ましいと思っています。\n北国は最高の装備を持っています。\n');
  const byId = new Map(a.people.map((p) => [p.id, p.name]));
  const got = a.attributions.map((x) => `${byId.get(x.speakers[0]!)}|${x.evidence[0]?.rule}|${x.content.text}`);
  assert.ok(got.includes('森山|ja:label-turn-quote|首相は多くの装備を購入することになるでしょう。そうすれば守りは固くなると思います。日本がもっと買うことが好ましいと思っています。'), got.join(' / '));
  assert.ok(!got.some((x) => x.startsWith('日本|')), got.join(' / '));
});

test('a printed interview: the name and post alone on a line before the first question (――…) is the interviewee; ◆ opens each answer', () => {
  const text = '新内閣が発足した。閣僚に課題を聞いた。\n\n森川健一経済相\n\n――最優先の課題は何か。\n\n◆物価高への対応だ。賃上げを後押ししたい。\n\n――野田首相は減税を続けると表明した。どう実現するか。\n\n◆財源を確保しつつ進める。\n';
  const got = claimsOf(text);
  const answers = got.filter((g) => g.rule === 'ja:interview-answer');
  assert.deepEqual(answers.map((a) => [a.names[0], a.cue, a.content]), [['森川健一', '◆', '物価高への対応だ。賃上げを後押ししたい'], ['森川健一', '◆', '財源を確保しつつ進める']]);
  // The question's report stands with its own speaker.
  assert.ok(got.some((g) => g.names.includes('野田') && g.content === '減税を続ける'));
});

test('a body named after its leader (森川政権, 野田陣営) speaks as that body, not as a person; 参議院議員会長 is a post', () => {
  const a = analyze('森川健一政権が発足した。森川政権は減税を続けると表明した。野田陣営は勝利を確信していると述べた。北辰党の水野参議院議員会長は「協力しない」と述べた。');
  const byName = new Map(a.people.map((p) => [p.name, p]));
  assert.equal(byName.get('森川政権')?.type, 'government');
  assert.equal(byName.get('野田陣営')?.type, 'organization');
  assert.ok(!a.people.some((p) => p.type === 'person' && /政権|陣営/.test(p.name)), JSON.stringify(a.people.map((p) => p.name)));
  const mizuno = byName.get('水野');
  assert.equal(mizuno?.title, '参議院議員会長');
  assert.equal(mizuno?.organization, '北辰党');
});

test('a press conference titled by its office (防衛大臣記者会見) whose header names the minister (森川防衛大臣閣議後会見): the minister makes the announcements (発表事項) and answers A:', () => {
  const text = '防衛大臣記者会見\n\n日時\n令和5年6月6日(火)08:41~08:48\n場所\n議事堂内\n備考\n森川防衛大臣閣議後会見\n\n1 発表事項\n\n 演習の日程ですが、来月から始めます。参加は3千名となります。\n\n2 質疑応答\n\nQ:週末に北方の艦艇が海峡を通りましたが、受け止めを。\nA:動向は注視しています。分析を進めているところです。\n';
  const got = claimsOf(text).filter((g) => g.rule === 'ja:interview-answer');
  assert.deepEqual(got.map((g) => [g.names[0], g.cue, g.content]), [
    ['森川', null, '演習の日程ですが、来月から始めます。参加は3千名となります'],
    ['森川', 'A:', '動向は注視しています。分析を進めているところです'],
  ]);
});

test('a surname ending in 部 (阿部, 岡部, 服部) before a post is a name, not a department', () => {
  const a = analyze('阿部官房長官は「措置は十分だ」と説明した。北辰党の服部幹事長は「反対だ」と述べた。北方同盟の岡部事務局長は「協議は続ける」と述べた。南国外務部報道官は「遺憾だ」と述べた。');
  const got = a.people.map((p) => [p.name, p.type, p.organization, p.title]);
  assert.deepEqual(got.filter((g) => g[1] === 'person'), [['阿部', 'person', null, '官房長官'], ['服部', 'person', '北辰党', '幹事長'], ['岡部', 'person', '北方同盟', '事務局長']]);
  // (A ministry ending in 部 before a post is still the body speaking.)
  assert.ok(a.people.some((p) => p.type === 'government' && p.organization === '南国外務部'), JSON.stringify(got));
});

test('an equals sign after a word that is no katakana name closes a headline\'s statement (…への警告=北陵国防部が明言): the speaker is what follows it; ドナルド=ランプ stays one name', () => {
  const a = analyze('演習は独立派への警告=北陵国防部が明言 北陵国防部の呉報道官は、独立派に対する警告であるとした上、「行動に出る」と述べた。ドナルド=ランプ氏は「支持する」と語った。\n');
  const names = a.people.map((p) => p.name);
  assert.ok(!names.some((n) => n.includes('警告')), JSON.stringify(names));
  assert.ok(names.includes('北陵国防部'), JSON.stringify(names));
  assert.ok(names.includes('ドナルド=ランプ'), JSON.stringify(names));
});

test('an unnamed official of a named government or ministry (南国商務省当局者, 米高官) is that government; a government office (…事務弁公室) speaks; 当局者 alone stays generic', () => {
  const a = analyze('見出し\n\n南国商務省当局者は22日、規制に懸念を抱いていると述べた。米高官は「協議は続く」と語った。台湾問題を担当する南国事務弁公室は「独立に反対する」と批判した。当局者は「調査中だ」と述べた。\n');
  const type = (name: string) => a.people.find((p) => p.name === name)?.type;
  assert.equal(type('南国商務省当局者'), 'government');
  assert.equal(type('米高官'), 'government');
  assert.equal(type('南国事務弁公室'), 'government');
  assert.notEqual(type('当局者'), 'government');
});

test('quotations line after line after a topic that opens the first (X大統領は会見で「…」 / 「…」 / 「…」と述べました): one claim from the first to the last, with the cue that closes it', () => {
  const text = '首脳会談\n安西首相は会見で、「同盟は盤石だ」と述べました。\n森山大統領「同盟は地域の礎」\n森山大統領は共同記者会見で「同盟は地域の礎だ」\n「温かい歓迎に感謝したい。訪問はすばらしかった」\n「伝統の競技を観戦でき、感激した」と述べました。\n';
  const got = claimsOf(text).filter((g) => g.names.includes('森山') && g.cue !== '森山大統領');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0]!.cue, 'と述べました');
  assert.equal(got[0]!.rule, 'ja:quote-run');
  assert.equal(got[0]!.content, '同盟は地域の礎だ」\n「温かい歓迎に感謝したい。訪問はすばらしかった」\n「伝統の競技を観戦でき、感激した');
});

test('a headline credited after a dash to a research body or a person with a post (…あり得る-北辰総研) is theirs; Latin page furniture (hatena-bookmark) and a wire credit are not; と表した reports; 経済産業相 is a post', () => {
  const text = '見出し\n\n輸入制限で輸出が減る可能性あり得る-北辰総研\n\nhatena-bookmark\n\n統計局の張報道官は、「経済は合理的な範囲で推移している」と表しました。森田一郎経済産業相は「協議を続ける」と述べた。\n';
  const got = claimsOf(text);
  assert.ok(got.some((g) => g.names.includes('北辰総研') && g.cue === '-北辰総研' && g.content === '輸入制限で輸出が減る可能性あり得る'), JSON.stringify(got));
  assert.ok(!got.some((g) => g.content === 'hatena'));
  assert.ok(got.some((g) => g.names.includes('張') && g.cue === 'と表しました'));
  assert.ok(got.some((g) => g.names[0] === '森田一郎' && g.cue === 'と述べた'), JSON.stringify(got.map((g) => g.names[0])));
});

test('a survey\'s owner with the day it was published (X社「北辰リサーチ」4日の調査によると) frames what follows; a share of those surveyed (41%の人は) is a group, never the owner', () => {
  const got = claimsOf('見出し\n\n米調査会社「北辰リサーチ」4日の調査によると、52%の管理職は調達を増やし始めた。41%の人は依存度を下げたいとの考えを示した。\n');
  assert.ok(got.some((g) => g.names.includes('北辰リサーチ') && g.kind === 'according_to' && g.content === '52%の管理職は調達を増やし始めた'), JSON.stringify(got));
  assert.ok(!got.some((g) => g.names.includes('北辰リサーチ') && g.content.includes('依存度')), JSON.stringify(got));
});

run({
  'a caption\'s credit on its own line (…氏=(北陽通信)) is no part of the sentence below it; a relay with its day and a comma (同通信が9日、伝えた) relays, without the dateline': {
    text: '見出し\n\n崔英男氏=(北陽通信)\n【ソウル北陽通信】南陵国の崔英男(チェ・ヨンナム)党副部長は周辺国の合同演習について、「挑発的な行為」だと非難する談話を出した。国営の南陵中央通信が9日、伝えた。\n\n同氏は「相応の代価を払うことになる」と威嚇した。\n',
    want: [
      { speaker: '崔英男', cue: 'と非難する', content: '挑発的な行為', kind: 'quote', via: '南陵中央通信' },
      { speaker: '南陵中央通信', cue: 'が9日、伝えた', content: '南陵国の崔英男(チェ・ヨンナム)党副部長は周辺国の合同演習について、「挑発的な行為」だと非難する談話を出した', rule: 'ja:relay' },
      { speaker: '崔英男', cue: 'と威嚇した', content: '相応の代価を払うことになる' },
    ],
  },
  'an official named by post alone (南陵当局の報道官は…非難した。) speaks next, where a country doing something would not': {
    text: '見出し\n\n北方連合は、南陵国が国境地帯に部隊を送ったとして、制裁を科していた。南陵当局の報道官は記者団に対し、制裁の延長を強く非難した。「不当な措置だと考えている」と述べ、対抗措置を延長すると表明した。\n',
    want: [
      { speaker: '南陵当局の報道官', cue: 'と述べ', content: '不当な措置だと考えている' },
      { speaker: '南陵当局の報道官', cue: 'と表明した', content: '対抗措置を延長する' },
    ],
  },
  'under the heading of a press conference\'s opening statement (■冒頭), its principal speaks, what the statement says with no subject included; a menu line below is not theirs': {
    text: '南陵ミサイル 川端一郎官房長官「重大な挑発」 緊急記者会見全文\n\n川端一郎官房長官は3日、緊急記者会見を開いた。\n\n■冒頭\n\n南陵国は本日午前、弾道ミサイル1発を発射したもようだ。落下地点は排他的経済水域の外と推定する。\n\nピックアップ\n',
    want: [
      { speaker: '川端一郎', content: '南陵国は本日午前、弾道ミサイル1発を発射したもようだ。落下地点は排他的経済水域の外と推定する', kind: 'quote' },
    ],
    none: ['ピックアップ'],
  },
});

run({
  'a passive of respect on a verb of saying (…と説明されました, …と述べられました) is the claim of the person named as the topic; a passive with no one named is not': {
    text: '見出し\n\nQ:北川大統領は、3日の会見で、南陵の車を評価し、導入するよう運輸省に指示したと説明されました。森山大臣は先ほど、増税はしないと述べられました。この計画は安全だと説明されている。\n',
    want: [
      { speaker: '北川', cue: 'と説明されました', content: '南陵の車を評価し、導入するよう運輸省に指示した', kind: 'reported' },
      { speaker: '森山', cue: 'と述べられました', content: '増税はしない' },
    ],
    none: ['この計画は安全だ'],
  },
  'a topic with も after a clause describing it (同席した森山長官も、…と述べた) speaks, not the one who spoke before': {
    text: '見出し\n\n北川大統領は、車を評価したと述べました。また、同席した森山運輸長官も、国内で製造できる環境を整えたいと述べています。\n',
    want: [{ speaker: '森山', cue: 'と述べています', content: '国内で製造できる環境を整えたい' }],
  },
});

test('one person written in old and new kanji (北澤 on the ministry\'s heading, 北沢 in the title) is one person, the other spelling an alias', () => {
  const text = '北沢大臣記者会見\n\n北澤経済産業大臣の閣議後記者会見の概要\n\n北澤経済産業大臣は5日、閣議後の記者会見に臨んだ。\n\n質疑応答\n\nQ:関税への受け止めは。\n\nA:動向は承知しておりますが、コメントは差し控えたいと思います。\n';
  const a = analyze(text);
  const people = a.people.filter((p) => p.type === 'person' && (/北[沢澤]/.test(p.name) || p.aliases.some((x) => /北[沢澤]/.test(x))));
  assert.equal(people.length, 1, JSON.stringify(a.people));
  const names = [people[0]!.name, ...people[0]!.aliases];
  assert.ok(names.some((n) => n.startsWith('北澤')) && names.some((n) => n.startsWith('北沢')), JSON.stringify(names));
});

run({
  'a sentence saying a transcript follows (記者会見の全文は以下の通り。) makes the paragraphs after it the speech of the person it is about; a headline label naming their conference (【北川氏出馬会見】) is theirs': {
    text: 'ニュース\n\n【北川氏出馬会見】(1)「全てを賭けて戦う」\n\n 北陵党の北川一郎政調会長は1日、記者会見を開き、総裁選への出馬を正式に表明した。記者会見の全文は以下の通り。\n\n 「本日、総務会で選挙の方式が決まりました。全力で戦っていきたいと思っています」\n\n --どんなリーダーを目指すか\n\n 「国民の声を聞くリーダーです」\n',
    want: [
      { speaker: '北川一郎', cue: '【北川氏出馬会見】', content: '全てを賭けて戦う', kind: 'quote' },
      { speaker: '北川一郎', content: '本日、総務会で選挙の方式が決まりました。全力で戦っていきたいと思っています', kind: 'quote' },
      { speaker: '北川一郎', content: '国民の声を聞くリーダーです', kind: 'quote' },
    ],
  },
  'a name of five kanji glossed with its reading (南海党の玉川雄一郎(たまがわ・ゆういちろう)代表) is whole; the family name the analyser tells is the short form later (森代表 after 森健太)': {
    text: '見出し\n\n北陵党の森健太(もり・けんた)代表はきょう、決議案を提出すると表明しました。\n森代表は「政府の無策は看過できない」と述べました。\n南海党の玉川雄一郎(たまがわ・ゆういちろう)代表も、「国民の理解が得られない」と語りました。\n',
    want: [
      { speaker: '森健太', cue: 'と述べました', content: '政府の無策は看過できない' },
      { speaker: '玉川雄一郎', cue: 'と語りました', content: '国民の理解が得られない' },
    ],
  },
  'the subject of a clause after a contrast, with the day, the place and the audience before its quotation (…ですが、X代表は2日、市役所で記者団に対し「…」), speaks it': {
    text: '見出し\n\n森代表は、他の野党にも賛同を求める方針ですが、北陵党の松本一郎代表は2日、市役所で記者団に対し「不信任を政局に使っている」と批判しています。\n',
    want: [{ speaker: '松本一郎', cue: 'と批判しています', content: '不信任を政局に使っている' }],
  },
});

run({
  'a digest of an interview with each answer under its speaker in parentheses mid-paragraph (Q.…? (北陵大学・朴成哲教授) 「…」 Q.…? (朴教授) 「…」); the paragraph after it is no answer': {
    text: '見出し\n\nQ.出迎えは動員されていたのでしょうか? (北陵大学・朴成哲教授) 「列は10キロも続いたといわれています。もちろん動員です」 Q.仕事は休んでいるのですか? (朴教授) 「行事に動員されるのが仕事です」\n\n両国は新たな条約に署名した。\n',
    want: [
      { speaker: '朴成哲', cue: '(北陵大学・朴成哲教授)', content: '列は10キロも続いたといわれています。もちろん動員です', rule: 'ja:label-paren' },
      { speaker: '朴成哲', cue: '(朴教授)', content: '行事に動員されるのが仕事です' },
    ],
    none: ['両国は新たな条約に署名した'],
  },
  'numbered questions and answers (Q1、… / A1、…) after a presenter\'s introduction (森田健(もりた・けん)解説委員です。): the answers are the presenter\'s': {
    text: '見出し\n\n北陵国の動きについて、各国が非難を強めています。森田 健(もりた・けん)解説委員です。\n\nQ1、北陵国も関与しているということですか?\n\nA1、その通りです。政府の発表によりますと、ミサイルが供与されていました。\n\nQ2、今後はどうなりますか。\n\nA2、結びつきはさらに強まるとみられます。\n',
    want: [
      { speaker: '森田 健', cue: 'A1、', content: 'その通りです。政府の発表によりますと、ミサイルが供与されていました', kind: 'quote' },
      { speaker: '森田 健', cue: 'A2、', content: '結びつきはさらに強まるとみられます' },
    ],
    none: ['今後はどうなりますか'],
  },
});

test('the holders of a post in several countries (EU諸国の外相, 同盟国の国防相) are a group, not a person', () => {
  const a = analyze('見出し\n\nEU諸国の外相は、武器取引をやめるよう求めている。\n\n同盟国の国防相は「協力を強める」と述べた。\n');
  for (const name of ['EU諸国の外相', '同盟国の国防相']) assert.equal(a.people.find((p) => p.name === name)?.type, 'group', JSON.stringify(a.people));
});

run({
  'a summary of a press conference whose title names its principal after it (定例記者会見における森田会長発言要旨): each answer after the question in brackets (〔…について問われ、〕) is the principal\'s': {
    text: '定例記者会見における森田会長発言要旨\n\n2025年4月8日\n北陵経済連合会\n\n【金融政策】\n\n〔中央銀行の利上げについて問われ、〕政策の転換にあたり、中央銀行は市場の混乱を避けようと腐心している。\n\n〔円安について問われ、〕為替は国力を反映するものなので、今の水準は適切ではない。\n',
    want: [
      { speaker: '森田', cue: '〔中央銀行の利上げについて問われ、〕', content: '政策の転換にあたり、中央銀行は市場の混乱を避けようと腐心している', kind: 'quote' },
      { speaker: '森田', content: '為替は国力を反映するものなので、今の水準は適切ではない' },
    ],
  },
  'a headline credited after = with what the remark was about before で (…=為替で官房長官): the credit is the official': {
    text: '急な変動は望ましくない=為替で官房長官\n\n[東京 11日 北陽通信] - 北川一郎官房長官は11日の記者会見で、「過度な変動は望ましくない」と述べた。\n',
    want: [
      { speaker: '北川一郎', cue: '=為替で官房長官', content: '急な変動は望ましくない', rule: 'ja:label-equals' },
    ],
  },
});

run({
  'a sentence that is one quotation, then who said it, where and how (「…」。北辰電機の決算会見では森川一郎常務執行役が厳しい表情で話した。): the quotation is theirs, an officer\'s post apart from the name': {
    text: '見出し\n\n「円安方向では業績を計画できない」。北辰電機の決算会見では森川一郎常務執行役が厳しい表情で話した。\n',
    want: [{ speaker: '森川一郎', cue: 'が厳しい表情で話した', content: '円安方向では業績を計画できない', kind: 'quote', rule: 'ja:relay' }],
  },
  'a complement that runs on into a topic of its own and its quotation (北辰電産は…を想定し、森永一郎会長兼社長は「…」との見方を示した) is that topic\'s quotation; a subject with が asked to act (日銀が「…」を求めた) is not': {
    text: '見出し\n\n北辰電産は1ドル=100円を想定し、森永一郎会長兼社長は「場合によっては円高になるかもしれない」との見方を示した。\n\n西山代表幹事は「物価は上がっている」と指摘し、中央銀行が「意思を示すこと」を求めた。\n',
    want: [
      { speaker: '森永一郎', cue: 'との見方を示した', content: '場合によっては円高になるかもしれない', kind: 'quote' },
      { speaker: '西山', content: '物価は上がっている' },
      { speaker: '西山', cue: 'を求めた', content: '中央銀行が「意思を示すこと」' },
    ],
  },
});

run({
  'a body as the topic after a person spoke of it (…事務総長は演説し、北辰機構は「…」と述べた) is what the person says about it, not a speaker of its own': {
    text: '見出し\n\n北辰条約機構の森山事務総長は3日、議会で演説し、北辰条約機構は「欧州だけでなく、米国にとっても有益だ」と述べた。\n',
    want: [{ speaker: '森山', cue: 'と述べた', content: '北辰条約機構は「欧州だけでなく、米国にとっても有益だ」' }],
  },
});

run({
  'an unnamed person described by role (40代の店主は, 別の住民は) is a group, never the official who spoke before': {
    text: '見出し\n\n記者会見で北川署長は「パトロールを強化している」とした。近くの飲食店では予約のキャンセルが相次いだ。40代の店主は「早く平穏な街に戻ってほしい」と話していた。\n',
    want: [
      { speaker: '北川', cue: 'とした', content: 'パトロールを強化している' },
      { speaker: '店主', cue: 'と話していた', content: '早く平穏な街に戻ってほしい' },
    ],
  },
});

run({
  'a local government named by its place and suffix (北川町によると, 南野市は, 東京都は) or by the suffix alone for the one named before (町は) speaks; someone left unnamed on purpose (ある町職員は) is a group': {
    text: '見出し\n\n北川町によると、予告メールは17日午前に届いた。南野市は19日、警戒を始めたと発表した。\n\n情報提供を見送った理由について町は「不安が広がる恐れがあった」と説明している。これに対し、ある町職員は「隠すのはおかしい」とした。\n',
    want: [
      { speaker: '北川町', cue: 'によると', content: '予告メールは17日午前に届いた', kind: 'according_to' },
      { speaker: '南野市', cue: 'と発表した', content: '警戒を始めた' },
      { speaker: '町', cue: 'と説明している', content: '不安が広がる恐れがあった' },
      { speaker: 'ある町職員', cue: 'とした', content: '隠すのはおかしい' },
    ],
  },
});

test('a local government is a government, someone unnamed on purpose a group', () => {
  const a = analyze('見出し\n\n南野市は19日、警戒を始めたと発表した。ある町職員は「隠すのはおかしい」とした。\n');
  assert.equal(a.people.find((p) => p.name === '南野市')?.type, 'government', JSON.stringify(a.people));
  assert.equal(a.people.find((p) => p.name === 'ある町職員')?.type, 'group', JSON.stringify(a.people));
});

run({
  'a condition set off by a comma before a quotation (…が発動された場合、「…」, …が続けば、「…」) is part of what was said': {
    text: '見出し\n\n北川首相は予算委員会で、関税が発動された場合、「影響は極めて大きい」として対応策を検討する考えを表明した。森山外相は、制裁が続けば、「経済は持たない」と述べた。\n',
    want: [
      { speaker: '北川', cue: 'として', content: '関税が発動された場合、「影響は極めて大きい」', kind: 'reported' },
      { speaker: '森山', cue: 'と述べた', content: '制裁が続けば、「経済は持たない」' },
    ],
  },
  'a heading that names what someone said (北川首相の他の発言) over a list: the points are theirs': {
    text: '見出し\n\n北川首相は「万全の対応を取る」と語った。\n\n北川首相の他の発言\n\n  • 大統領の言っていることはなかなか理解しがたい\n  • 日本は多くの投資を行っている\n',
    want: [{ speaker: '北川', cue: '北川首相', content: '大統領の言っていることはなかなか理解しがたい\n  • 日本は多くの投資を行っている', kind: 'quote', rule: 'ja:label-line' }],
  },
});

run({
  'a claim closed by とした一方で、 before the same speaker\'s quotation is a claim of its own': {
    text: '見出し\n\n北川教授は、派兵しているかはわからないとした一方で、「可能性は考えられる」と話した。\n',
    want: [
      { speaker: '北川', cue: 'とした', content: '派兵しているかはわからない' },
      { speaker: '北川', cue: 'と話した', content: '可能性は考えられる' },
    ],
  },
  'a body on its own line over a line that is one quotation (南陵 国家情報院 / 「…」), as a broadcast captions it, speaks it': {
    text: '見出し\n\n前文です。\n\n南陵 国家情報院\n\n「北陵が参戦を始めた」\n\n南陵の情報機関は、兵士が移動したと発表。\n',
    want: [{ speaker: '国家情報院', cue: '国家情報院', content: '北陵が参戦を始めた', kind: 'quote', rule: 'ja:label-line' }],
  },
});

run({
  'a noun heading a clause, と and a verbal noun of speech (…が噴出した選挙と分析する) quote, whatever the analyser reads the と as; とともに、 after a cue belongs to neither claim': {
    text: '見出し\n\n浅野氏は、政権への不満が噴出した選挙と分析するとともに、投票率は高かったと指摘した。浅野氏は、米国と協議すると述べた。\n',
    want: [
      { speaker: '浅野', cue: 'と分析する', content: '政権への不満が噴出した選挙' },
      { speaker: '浅野', cue: 'と指摘した', content: '投票率は高かった' },
      { speaker: '浅野', cue: 'と述べた', content: '米国と協議する' },
    ],
  },
});

run({
  'a statement the topic asks about with no comma (X議員は、Y参考人が…との見通しを示したことについて質問した) is Y\'s, however it is voiced': {
    text: '見出し\n\n北川議員は、森山参考人が所信表明で物価上昇率は2%を下回るとの見通しを示したことについて質問しました。\n',
    want: [{ speaker: '森山参考人', cue: 'との見通しを示した', content: '所信表明で物価上昇率は2%を下回る' }],
  },
  'a quotation closing a clause before ことを and a verb of speech (「…」ことを強調した) is quoted': {
    text: '見出し\n\n森山社長は関税影響について問われ、「先を見通すのは難しい」ことを強調した。\n',
    want: [{ speaker: '森山', cue: 'ことを強調した', content: '先を見通すのは難しい', kind: 'quote', rule: 'ja:koto' }],
  },
});

run({
  'a quotative と, the one the words were aimed at with を, then a verb of speech (…遅すぎると政府を批判した, …と厚労省と機構をただした) quote; a condition before a verb of doing does not': {
    text: '見出し\n\n北川議員は、対応が遅すぎると政府の姿勢を厳しく批判した。森山議員は、教訓が生かされていないと厚生労働省と年金機構をただしました。北川議員は、雨が降ると傘を持って出かけた。\n',
    want: [
      { speaker: '北川', cue: 'と政府の姿勢を厳しく批判した', content: '対応が遅すぎる' },
      { speaker: '森山', cue: 'と厚生労働省と年金機構をただしました', content: '教訓が生かされていない' },
    ],
    none: ['雨が降る'],
  },
});

run({
  'an unnamed official of a body glossed in parentheses (北国の青雲台(大統領府)関係者は…) is a group, not the body named in the matter after it': {
    text: '見出し\n\n北国の青雲台(大統領府)関係者は16日に記者団に対し、南国の統一委員会が談話で演説を非難したことについて、「談話は関係の発展に役立たない」との認識を示した。\n',
    want: [{ speaker: '北国の青雲台(大統領府)関係者', cue: 'との認識を示した', content: '談話は関係の発展に役立たない' }],
  },
  'a headline crediting a quotation to an office after an equals sign (…「対話に役立たない」=北国大統領府) is the office\'s; a caption\'s place after one is no credit': {
    text: '南国の非難談話 「対話に役立たない」=北国大統領府\n\n記者会見する北川首相=首相官邸\n\n南国は16日、談話を出した。\n',
    want: [{ speaker: '北国大統領府', cue: '=北国大統領府', content: '対話に役立たない', kind: 'quote', rule: 'ja:label-equals' }],
    none: ['記者会見する'],
  },
});

test('a body written after its kind (イスラム組織ハマス, 民間軍事会社ヴォルナ) is known by its name alone too', () => {
  const a = analyze('見出し\n\n東部の武装組織サルハンは13日、停戦を守ると表明した。民間軍事会社ヴォルナの報道官は「撤退しない」と述べた。\n');
  const aliases = a.people.flatMap((p) => [p.name, ...p.aliases]);
  for (const name of ['サルハン', 'ヴォルナの報道官']) assert.ok(aliases.includes(name), JSON.stringify(a.people));
});

run({
  'an interview whose lines are paragraphs (…さんに尋ねた。/ a link to another story / ――question / answer): the question is its line, the answer on the next is the one asked\'s': {
    text: '見出し\n\n前駐南国大使で、回想録を今月出した森川健一さんに尋ねた。\n- 首脳会談、北山氏が得たものは\n――北国が停戦を宣言しました。\n南国は停戦に同意しました。北国は同意せず、今日に至っています。\n',
    want: [{ speaker: '森川健一', content: '南国は停戦に同意しました。北国は同意せず、今日に至っています' }],
    none: ['北国が停戦を宣言しました'],
  },
});

run({
  'the way it was put before a verb of speech, as transcripts speak (…すべきだというふうに述べておられます, というように話した); not a reason (…ということで外出した)': {
    text: '見出し\n\n北山外相は、交渉も考えるべきだというふうに述べておられます。森田大臣は、協議は続けるというように話しました。森田大臣は、雨が降るということで外出した。\n',
    want: [
      { speaker: '北山', cue: 'というふうに述べて', content: '交渉も考えるべきだ', kind: 'reported' },
      { speaker: '森田', cue: 'というように話しました', content: '協議は続ける' },
    ],
    none: ['雨が降る'],
  },
  'what a turn reports that someone named said (【北陽新聞 森記者】…北山長官は…と述べています) is theirs through the turn\'s speaker': {
    text: '外務報道官会見記録\n\n【北陽新聞 森記者】2点お伺いします。南国の北山国務長官は、停戦も考慮すべきだと述べています。大臣は辞めたかったのは事実だと思います。どう受け止めていますか。\n\n【川村外務報道官】個別の発言へのコメントは差し控えます。\n',
    want: [
      { speaker: '森', cue: '【北陽新聞 森記者】', content: '2点お伺いします。南国の北山国務長官は、停戦も考慮すべきだと述べています。大臣は辞めたかったのは事実だと思います。どう受け止めていますか。' },
      { speaker: '北山', cue: 'と述べています', content: '停戦も考慮すべきだ', via: '森' },
    ],
  },
  'a dateline in brackets (【北京時事】), repeated on the page, is no turn': {
    text: '見出し\n\n【北京時事】南国の情報院は29日、北国軍の一部が前線に移動した可能性があると報告した。\n\n【北京時事】南国の情報院は29日、北国軍の一部が前線に移動した可能性があると報告した。\n',
    want: [{ speaker: '南国の情報院', cue: 'と報告した', content: '北国軍の一部が前線に移動した可能性がある' }],
    none: ['南国の情報院は29日、北国軍'],
  },
});

test('what a turn\'s speaker guesses of someone named (…大臣は辞めたかったのは事実だと思います) is no claim of the one named', () => {
  const a = analyze('外務報道官会見記録\n\n【北陽新聞 森記者】北川大臣は辞めたかったのは事実だと思います。どう受け止めていますか。\n\n【川村外務報道官】コメントは差し控えます。\n');
  assert.ok(!a.attributions.some((x) => x.content.text === '辞めたかったのは事実だ' || x.content.text === '北川大臣は辞めたかったのは事実だ'), JSON.stringify(a.attributions.map((x) => x.content.text)));
});

run({
  'sound bites run into the story, each opening with a name, a post and a colon (…焦点です。北陵経済会・森田会長：…。): what they said, to the stop; a colon after no post is no label': {
    text: '見出し\n\n春闘が始まりました。北陵経済会・森田会長：賃上げの必要性はかつてなく高まっている。北陵労連・川村会長：5％以上の賃上げは実現しなければなりません。日時：午前10時から。\n',
    want: [
      { speaker: '森田', cue: '北陵経済会・森田会長：', content: '賃上げの必要性はかつてなく高まっている', kind: 'quote', rule: 'ja:label-turn-colon' },
      { speaker: '川村', cue: '北陵労連・川村会長：', content: '5％以上の賃上げは実現しなければなりません' },
    ],
    none: ['午前10時から'],
  },
  'a prefecture\'s transcript: a conference titled by an office (北陵県知事 定例記者会見), the office\'s statement under 知事発表, and Q X / A X alone on their lines over the paragraph each asks or answers': {
    text: '北陵県知事 定例記者会見\n\n知事発表\n\n伝統工芸品として11品目を初めて指定するものです。\n\nQ 代表幹事(北陽新聞)\n\n政府が入国を一部解禁する方向で調整しています。知事のご所見をお願いします。\n\nA 知事\n\n国際的な人の往来については、私はあえて発言をしています。\n',
    want: [
      { speaker: '北陵県知事', content: '伝統工芸品として11品目を初めて指定するものです' },
      { speaker: '代表幹事(北陽新聞)', cue: 'Q 代表幹事(北陽新聞)', content: '政府が入国を一部解禁する方向で調整しています。知事のご所見をお願いします。', rule: 'ja:label-turn-qa' },
      { speaker: '北陵県知事', cue: 'A 知事', content: '国際的な人の往来については、私はあえて発言をしています。', rule: 'ja:label-turn-qa' },
    ],
  },
});

test('a question under its asker\'s label (Q 代表幹事(北陽新聞)) is not the answer of the conference\'s principal', () => {
  const a = analyze('北陵県知事 定例記者会見\n\n知事発表\n\n伝統工芸品を指定します。\n\nQ 代表幹事(北陽新聞)\n\n知事のご所見をお願いします。\n\nA 知事\n\n私はあえて発言をしています。\n');
  const names = new Map(a.people.map((p) => [p.id, p.name]));
  const asked = a.attributions.filter((x) => x.content.text.startsWith('知事のご所見'));
  assert.deepEqual(asked.map((x) => x.speakers.map((s) => names.get(s))), [['代表幹事(北陽新聞)']]);
});

run({
  'idioms of the news for how something was said (…と力を込めた, と胸を張った, と語気を強めた) cue a claim; the same words doing something do not': {
    text: '見出し\n\n北川知事は会見で「大きな一歩だ」と述べた。開門調査については「新たな被害者を生み出してはならない」と力を込めた。森山社長は「売り上げは伸びた」と胸を張った。森山社長は力を込めて扉を押した。\n',
    want: [
      { speaker: '北川', cue: 'と力を込めた', content: '新たな被害者を生み出してはならない', kind: 'quote' },
      { speaker: '森山', cue: 'と胸を張った', content: '売り上げは伸びた' },
    ],
  },
  'one named by what they do run into the name (ノリ漁業者森川健朗さん) is the person; people named by what they do alone (入植者は) are a group': {
    text: '見出し\n\n原告で北陵市のノリ漁業者森川健朗さん(50)は「判決を歓迎したい」と評価した。入植者は「納得できない」と述べた。\n',
    want: [
      { speaker: '森川健朗', cue: 'と評価した', content: '判決を歓迎したい' },
      { speaker: '入植者', cue: 'と述べた', content: '納得できない' },
    ],
  },
});

run({
  'a press conference\'s transcript with the moderator and an office alone on their lines (司会 / 知事) over what each said': {
    text: '知事記者会見(令和6年7月24日)\n\n司会\n\n それでは、これより知事定例記者会見を始めます。\n\n知事\n\n お手元に3点の資料をお配りしております。\n',
    want: [
      { speaker: '司会', cue: '司会', content: 'それでは、これより知事定例記者会見を始めます。' },
      { speaker: '知事', cue: '知事', content: 'お手元に3点の資料をお配りしております。' },
    ],
  },
  'a quotation credited in parentheses to a research body (「…」(北辰総合研究所)) is the body\'s; a wire\'s credit (共同) is no speaker': {
    text: '見出し\n\n景気は緩やかに回復するが、「消費を押し上げる力は弱い」(北辰総合研究所)ため伸びは鈍い。「回復は遅れる」(共同)との声もある。\n',
    want: [{ speaker: '北辰総合研究所', cue: '(北辰総合研究所)', content: '消費を押し上げる力は弱い', kind: 'quote', rule: 'ja:label-paren' }],
    none: ['回復は遅れる'],
  },
});

run({
  'a conference titled with の before its kind (北川経済産業大臣の閣議後記者会見の概要): its principal speaks under 冒頭発言 (a short line however it was read) and answers after A:': {
    text: '北陵省\n\n北川経済産業大臣の閣議後記者会見の概要\n\n令和6年3月3日(金)\n\n冒頭発言\n\n【法律案】\n\nまず、私から1点申し上げます。本日、法律案が閣議決定をされました。\n\n質疑応答\n\nQ: 幹事社から1問だけ。報告書の影響をどうお考えでしょうか。\n\nA: 報告書を公表したということは承知をしております。\n',
    want: [
      { speaker: '北川', content: 'まず、私から1点申し上げます。本日、法律案が閣議決定をされました' },
      { speaker: '北川', cue: 'A:', content: '報告書を公表したということは承知をしております' },
    ],
  },
});

run({
  'a credit in parentheses marked for what follows (…名誉教授、以下同) names the one person; a country\'s kind of body (北国のシンクタンク) is whole': {
    text: '見出し\n\n森川氏は以下のように解説する。「一番の理由は焦りだろう」(北辰大学・森川健一名誉教授、以下同)\n\n北国のシンクタンクが、作戦は失敗する可能性が高いとの報告書を発表しました。\n',
    want: [
      { speaker: '森川健一', cue: '(北辰大学・森川健一名誉教授、以下同)', content: '一番の理由は焦りだろう', rule: 'ja:label-paren' },
      { speaker: '北国のシンクタンク', content: '作戦は失敗する可能性が高い' },
    ],
  },
});
test('a credit marked for what follows (、以下同) leaves the person no name of its own', () => {
  const text = '見出し\n\n「一番の理由は焦りだろう」(北辰大学・森川健一名誉教授、以下同)\n';
  const a = analyze(text);
  assert.deepEqual(a.people.map((p) => p.name), ['森川健一']);
  for (const p of a.people) for (const m of p.mentions) assert.ok(!text.slice(m.start, m.end).includes('以下'), text.slice(m.start, m.end));
});

run({
  'a country and の before a body whose name ends in 院 or 機構 (…と、南国の国家情報院が発表した) is one speaker, named whole': {
    text: '見出し\n\n北国が兵士を送る予定だと、南国の国家情報院が18日に発表した。\n',
    want: [{ speaker: '南国の国家情報院', cue: 'と、南国の国家情報院が18日に発表した', content: '北国が兵士を送る予定だ' }],
  },
});

run({
  'an interview given (…杉村一郎氏(64)が北陽新聞のインタビューに応じ): the answers are the one who gave it, each printed as a quotation of its own one answer': {
    text: '駐米大使に就任した杉村一郎氏(64)が北陽新聞のインタビューに応じ、抱負を語った。杉村氏の一問一答は以下の通り。\n--日米関係に問題はないという見方もあるが、どうか\n「日本外交の基軸は日米関係だ。その姿勢は変わらないだろう」\n「ただ、関係の濃淡があったのは事実だ」\n',
    want: [
      { speaker: '杉村一郎', content: '日本外交の基軸は日米関係だ。その姿勢は変わらないだろう' },
      { speaker: '杉村一郎', content: 'ただ、関係の濃淡があったのは事実だ' },
    ],
  },
});

run({
  'a headline closing on who said its quotation (北国 ミサイル “飛来確認されず” 林田官房長官); a place there credits nothing': {
    text: '北国 ミサイル “領域への飛来確認されず” 林田官房長官\n\n北国 ミサイル “発射は2発” 東京\n\n北国は17日、ミサイルを発射した。林田官房長官は記者会見で説明した。\n',
    want: [{ speaker: '林田', cue: '林田官房長官', content: '領域への飛来確認されず', kind: 'quote', rule: 'ja:label-quote' }],
    none: ['発射は2発'],
  },
  'a commentary or a statement that says it, relayed on a day (「…」とする論評を17日、伝えた), is the outlet\'s, named with its country (北国の国営メディア)': {
    text: '見出し\n\n北国の国営メディアは、南国の訓練を非難し「挑発は挫折を免れないだろう」とする論評を17日、伝えていました。\n',
    want: [{ speaker: '北国の国営メディア', cue: 'とする論評を17日、伝えていました', content: '挑発は挫折を免れないだろう', rule: 'ja:view' }],
  },
});

test('a name of five kanji the analyser reads as a family and a given name, a post after it (高田美智子議員), is the person the people pass finds; its family name with the post later is them, not a namesake named after', () => {
  const a = analyze('見出し\n\n北陵党の高田美智子議員が委員会に出席した。審議官の高田俊之氏も出席した。高田議員は「総点検すべきだ」と述べました。\n');
  const names = new Map(a.people.map((p) => [p.id, p.name]));
  const said = a.attributions.find((x) => x.content.text === '総点検すべきだ');
  assert.deepEqual(said?.speakers.map((s) => names.get(s)), ['高田美智子']);
});

test('a rank of honour before a post (北陵大学の森田瑛文特別栄誉教授) is the post\'s: one person with the short forms after', () => {
  const a = analyze('見出し\n\n北陵大学の森田瑛文特別栄誉教授が会見し、治療を発展させられると期待を寄せました。森田さんは「楽観的です」と語りました。\n');
  const people = a.people.filter((p) => p.role !== 'mentioned');
  assert.deepEqual(people.map((p) => [p.name, p.title]), [['森田瑛文', '特別栄誉教授']]);
});

run({
  'a subject with が inside a conceding clause (…警察が行方を追っていましたが、…と話しています) is not who speaks after it; a quotation credited in parentheses after a question (Q.… / 「…」(ゴルフ場従業員)) is no interview\'s answer, and ends the interview': {
    text: '見出し\n\n森田容疑者が逮捕されました。男は新宿にいたことがわかり、警察が行方を追っていましたが、包丁を持っていて、「大阪で使った」と話しています。\nQ.午前1時ごろ、人通りは?\n「いないんじゃないでしょうか。びっくりですよね」(ゴルフ場従業員)\n森田容疑者は取り調べを受けています。\n',
    want: [{ speaker: '森田容疑者', cue: 'と話しています', content: '大阪で使った' }],
    none: ['いないんじゃないでしょうか', '取り調べを受けています'],
  },
});

run({
  'a greeting as a verb of speech (「…」とあいさつ。) is a claim; the charge as a police story states it (逮捕容疑は、…としている) is no one\'s': {
    text: '見出し\n\n北陵署の森田健一署長は「ご冥福をお祈り申し上げる」とあいさつ。「多くの情報提供があった」と述べた。逮捕容疑は、14日夜、男子生徒の腰を刃物で突き刺したとしている。\n',
    want: [
      { speaker: '森田健一', cue: 'とあいさつ', content: 'ご冥福をお祈り申し上げる', kind: 'quote' },
      { speaker: '森田健一', cue: 'と述べた', content: '多くの情報提供があった' },
    ],
    none: ['男子生徒の腰を刃物で'],
  },
});

run({
  'what a topic did not say, told at second hand (森山長官は目標に言及しなかったという), is no claim of theirs; what they said so (森山長官は問題はないという) is': {
    text: '見出し\n\n北川防衛相は合意したと伝えた。森山長官は防衛費の目標に言及しなかったという。森山長官は問題はないという。\n',
    want: [{ speaker: '森山', cue: 'という', content: '問題はない', rule: 'ja:hearsay' }],
    none: ['防衛費の目標に言及しなかった'],
  },
});

run({
  'a report at second hand (…ということです) after a sentence whose source was unnamed (関係者の話として) is no one\'s; after a named speaker it is theirs': {
    text: '見出し\n\n北陽通信は関係者の話として「長官は当時首都におらず、安全な場所に移されていた」と報じています。そして先ほど入ってきた情報ですが、大統領の安否も確認されているということです。\n\n森田報道官は「調査を続ける」と述べた。被害は確認されていないということです。\n',
    want: [{ speaker: '森田', content: '被害は確認されていない', rule: 'ja:hearsay' }],
    none: ['大統領の安否も確認されている'],
  },
});
