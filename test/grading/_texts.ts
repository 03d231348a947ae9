/**
 * Texts written for the grading tests: an invented state's spokesperson, a state news agency and an
 * independent researcher, in Japanese and English.
 */
export const BRIEFING_JA = `会見メモ 2025年2月10日
北方連邦の定例会見と専門家の見方
はじめに
北方連邦外務省のエレナ・ヴォルコワ報道官は、海峡の通航制限は一時的な措置だと述べた。
国営の北辰通信によると、演習は予定どおり今月末に終わるという。
リガ海洋研究所のマルタ・オゾラ研究員は、通航制限が保険料をさらに押し上げると指摘する。
`;

export const BRIEFING_EN = `Strait Notes, 12 March 2025
Closing the strait
Views
Ivo Brandt, a spokesman for the Northern Federation's defence ministry, said the closure would end within a month.
Katri Saar, a researcher at the Tallinn Centre for Sea Lanes, argued that insurers would keep their premiums high until the summer.
`;
