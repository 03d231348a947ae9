/**
 * Two short commentaries written for the agreement tests (server, CLI, browser): two speakers in two
 * documents say nearly the same about port calls (domain.naval); a third speaks of destroyers alone.
 */
export const NAVAL_CALLS_A = [
  '沿岸研究 第3号 2025年2月10日',
  '北方航路の見通し',
  '',
  '港湾研究所の戸倉亮介主任研究員は、北方航路の艦艇の寄港が今後3年で倍増すると指摘する。',
  '',
  '同研究所の三園玲奈研究員は、駆逐艦の整備能力が港の最大の制約だと述べた。',
  '',
].join('\n');

export const NAVAL_CALLS_B = [
  '海事評論 2025年5月1日',
  '寄港の増加',
  '',
  '海運協会の柳瀬智之理事は、北方航路の艦艇の寄港は今後3年で倍増するだろうと語った。',
  '',
].join('\n');
