/**
 * The vocabulary of attribution: reporting verbs, cue phrases, hedges, the author's own voice, passive and
 * generic sources. Dictionaries of the genre's language (DESIGN.md, "The attribution model"), shared by the
 * Japanese and English rules of the attribution pass.
 */

/** Reporting verbs after と / との / を, in their common endings (dictionary, past, progressive, polite). */
const JA_VERB_STEMS = [
  '指摘', '言及', '主張', '強調', '分析', '示唆', '説明', '警告', '批判', '予測', '予想', '評価', '確信', '懸念', '表明', '断言', '反論',
  '回答', '明言', '提言', '結論づけ', '結論付け', '推測', '推察', '解説', '報告', '証言', '発言', '言明', '論評', '総括', '同意', '否定',
  '疑問視', '楽観視', '悲観視', '重視', '問題視', '警鐘を鳴ら', '記述', '紹介', '喝破', '力説', '公言', '明記', '提起', '補足', '予見',
  '非難', '反発', '歓迎', '批評', '抗議', '要求', '要請', '提案', '示唆', '発表', '言明', '確認', '強弁', '吐露', '表明', '明か', '解釈', '推定', '判断', '想定', '結論', '警戒', 'コメント', '公表', '発出', '報告',
];
const SURU = '(?:する|した|している|していた|してい(?:る|た)|しており|します|しました|しています|し(?=[、,]))';
const JA_VERBS_OTHER = [
  '述べ(?:る|た|ている|ていた|ており|ました|ています|、)', '語(?:る|った|っている|っていた|り、)', '論じ(?:る|た|ている|ていた)', '書い(?:た|ている|ていた)', '記(?:す|した|している)',
  'み(?:る|た|ている|ていた)', '見(?:る|た|ている|ていた)', '考え(?:る|た|ている|ていた)', '認め(?:る|た|ている)', '訴え(?:る|た|ている)',
  '伝え(?:る|た|ている)', '報じ(?:る|た|ている)', '答え(?:る|た|ている)', '付け加え(?:る|た|ている)', '結ん(?:だ|でいる)', '明らかにし(?:た|ている)',
  '疑問を呈(?:す|する|した|している|し)', '認識を示(?:す|した|している|し)', '見方を示(?:す|した|している|し)', '見解を示(?:す|した|している|し)',
  '考えを示(?:す|した|している|し)', '立場を示(?:す|した|している|し)', '懸念を示(?:す|した|している|し)', '見通しを示(?:す|した|している|し)',
  '断じ(?:る|た|ている)', '結論(?:づけ|付け)(?:る|た|ている)', '立場を(?:とる|取る|とった|取った|とっている|取っている)', '言(?:う|った|っている)',
  '見立て(?:る|た|ている)', '書(?:く|いた|いている)',
  '認識を持(?:つ|っている)', '(?<=と)し(?:た|ている|ていた)', '話(?:す|した|している|していた)', '明か(?:す|した|している)', '呼びかけ(?:る|た|ている)',
  '(?:期待|意欲|不満|懸念|理解|自信|見通し|方針|意向|警戒感|危機感|不快感|疑念)を(?:示|表明し|にじませ|表し)(?:す|した|している|た)?', '見込(?:む|んだ|んでいる)', '(?:認識|見方|見解|意見|考え)で一致(?:する|した|している|していた)', '見方をし(?:ている|た)', '強く主張(?:する|した|している)', '繰り返(?:す|した|している)', '示し(?:た|ている)',
];
const ADVERB = '(?:公に|強く|繰り返し|改めて|明確に|はっきりと|一貫して|厳しく|率直に|冷静に|同様に|かねて|しばしば|重ねて)?';

/** A sentence-final cue: (と|との|を|という) adverb? verb. Matched against the end of a masked sentence. */
export const JA_FINAL_VERB = new RegExp(`${ADVERB}(?:(?:${JA_VERB_STEMS.join('|')})${SURU}|${JA_VERBS_OTHER.join('|')})`);

/** Cues that stand before the content: Xによれば, Xの解釈によれば, Xが指摘するように … */
export const JA_BEFORE_CUE = /(?:の(?:解釈|見解|分析|説明|主張|指摘|見立て|評価|言葉|発言|論文|記事|報告|報告書|著書|論考|寄稿|試算|調査|話)によ(?:れば|ると)|の(?:見解|分析|見立て|見方|説明|主張|指摘|評価|話)では|によれば|によると|に言わせれば|に言わせると|曰く|いわく|が(?:指摘|主張|強調|分析|説明|言及)(?:する|した|している)ように|が(?:述べる|述べた|述べている|言う|いう|語る|語った)ように|の(?:指摘|主張|言う|分析)(?:のとおり|の通り|どおり)|からは)[、,]?/g;

/** The speaker named after the content: …と X は 指摘する, …という X の 意見もある. */
export const JA_OPINION_NOUN = /(?:意見|見解|見方|指摘|主張|分析|声|評価|立場|考え|認識|論調)/;

/** Hearsay endings that mark reported speech without a named speaker: …のだという, …とのことだ. */
export const JA_HEARSAY = /(?:のだという|のだそうだ|とのことである|とのことだ|という)$/;

/** The author speaking in the author's own voice: ends carried-over attribution. */
export const JA_AUTHOR_VOICE = /(?:と捉えることが(?:できる|出来る)|と捉えることも(?:できる|出来る)|と捉えられる|ことが窺える|ことがうかがえる|が窺える|がうかがえる|と言える|といえる|と言えよう|といえよう|であろう|だろう|と思われる|と考えられる|と推測される|と推察される|注目に値する|注目していく|注視していく|必要がある|べきである|べきだろう|ではないか|のではなかろうか|と見てよい|と言ってよい|といってよい|とみてよい|考察していく|概観し|であると考える|と考えたい|に違いない|ことになる)$/;

/** Passive or generic sources: a statement that cites but names no one. */
export const JA_PASSIVE = /(?:と考えられている|と考えられていた|と認識されている|と認識されていた|と理解されている|と理解されていた|と言われている|といわれている|とされている|とされる|とされた|と見られている|とみられている|とみられる|と見られる|と指摘されている|と報じられている|と報じられた|と伝えられている|と伝えられた|と予想されている|と予測されている|と推定されている|と評価されている|と見る向きもある|とみる向きもある|との指摘もある|との声もある|との見方もある|という見方もある|との意見もある|という意見もある|との見方が(?:強い|強まっている|出ている|広がっている))$/;
export const JA_GENERIC_SOURCE = /^(?:[^、。]{0,12}?)(?:ある(?:世論)?調査(?:では|によると|によれば|の結果)|一部(?:では|の報道では|報道によれば|報道によると)|報道(?:では|によると|によれば)|一説には|一説によると|伝えられるところでは|識者の間では|専門家の間では)/;

/** Hedges on a claim's content. */
export const HEDGES = /可能性がある|可能性が高い|可能性は否定できない|かもしれない|だろう|であろう|おそらく|恐らく|と思われる|とみられる|公算が高い|公算が大きい|可能性も|懸念がある|\b(?:may|might|could|possibly|probably|perhaps|likely|unlikely|appears? to|seems? to)\b/g;

/** Verbs that cite another's words as the speaker's action (…を引用し、), before the speaker's own point. */
export const JA_CITING_ACTION = /(?:を|に)(?:引用|援用|参照|紹介|言及|依拠)し(?:つつ|ながら)?[、,]/g;

/** Frames of where the speaker said it: 自身の記事「…」の中で、 / 同氏の論文で、 — not part of the content. */
export const JA_SOURCE_FRAME = /^(?:(?:自身の|同氏の|その)?(?:記事|論文|著書|論考|報告書|インタビュー|寄稿|講演|発言|コラム|論説|投稿)(?:「[^」]*」|『[^』]*』)?(?:の中で|の中では|において|で|では)[、,]?|(?:[^、。「」]{0,8}?の)?(?:記者団|記者会見|会見|取材|インタビュー|声明|演説|講演|談話|ブリーフィング)(?:に対し(?:て)?|で|に応じ(?:て)?|の中で|において)[、,]?)/;

/** Clause-opening connectives that belong to neither speaker nor content. */
export const JA_CONNECTIVE = /^(?:(?:また|さらに|更に|一方で?|他方で?|なお|そして|しかし|だが|ただし|加えて|同様に|実際に?|特に|例えば|これに対し(?:て)?|その上で|つまり|すなわち|要するに|以上のことからも?|したがって|従って|そのため|このため|まず|次に|最後に)[、,]?\s*)+/;

// ------------------------------------------------------------------ English

export const EN_VERBS = '(?:told [^,.]{1,30}?|assured [^,.]{1,30}?|warned [^,.]{1,30}?|warns against|said|says|say|argued|argues|argue|noted|notes|note|wrote|writes|write|told|tells|warned|warns|warn|believes|believed|believe|suggested|suggests|suggest|claimed|claims|claim|added|adds|stressed|stresses|explained|explains|observed|observes|insisted|insists|pointed out|points out|contended|contends|maintained|maintains|asserted|asserts|concluded|concludes|acknowledged|acknowledges|emphasized|emphasizes|emphasised|emphasises|predicted|predicts|estimated|estimates|cautioned|cautions|remarked|remarks|thinks|thought|added|agreed|agrees|doubted|doubts|questioned|questions|countered|counters|reported|reports|stated|states|observed)';
export const EN_AUTHOR_VOICE = /\b(?:we (?:can|may|should|must) (?:conclude|say|see|infer)|this (?:paper|commentary|article) (?:argues|suggests|concludes)|in (?:my|our) view|it (?:seems|appears) (?:to us|that))\b/i;
export const EN_PASSIVE = /\b(?:it is (?:believed|thought|said|reported|understood|assumed|widely believed|estimated)|(?:is|are|was|were) (?:believed|thought|said|reported|understood|estimated) to|reportedly|according to (?:some|a (?:recent )?(?:poll|survey|report))|(?:a|one) (?:recent )?(?:poll|survey) (?:found|showed|suggested))\b/i;
