/**
 * The default codebook for security-policy commentary: the nature of a partnership or alliance, the
 * domains of military cooperation, and the theoretical lenses views lean on. The indicator terms are the
 * ordinary vocabulary of the genre (Japanese think-tank commentary and English policy analysis), written
 * for this codebook; an analyst is expected to export it, edit it and load their own.
 */
import type { Codebook } from './codebook.ts';
import { CODEBOOK_FORMAT, parseCodebook } from './codebook.ts';

const book = {
  format: CODEBOOK_FORMAT,
  name: 'mikata: security-policy commentary',
  version: '2025.1',
  description: 'Domains of military cooperation, the nature of a partnership, and the theoretical lenses of security-policy commentary.',
  codes: [
    // -------------------------------------------------------------------------------------------------
    { id: 'alliance', name: { ja: '関係の性格', en: 'Nature of the relationship' }, colour: '#4E79A7', codable: false,
      definition: 'What kind of relationship the states have: an alliance, a partnership of convenience, dependence of one on the other.' },
    { id: 'alliance.alliance', parent: 'alliance', name: { ja: '同盟', en: 'Alliance' }, colour: '#4E79A7',
      definition: 'The relationship described as an alliance, a treaty of mutual defence, or an obligation of military assistance.',
      indicators: {
        ja: ['同盟', '軍事同盟', '相互防衛', '相互援助', '条約', '集団防衛', '安全保障協定', '防衛義務', '参戦義務'],
        en: ['alliance', 'allied', 'ally', 'allies', 'mutual defence', 'mutual defense', 'treaty', 'defence pact', 'defense pact', 'mutual assistance', 'collective defence'],
      } },
    { id: 'alliance.partnership', parent: 'alliance', name: { ja: 'パートナーシップ・便宜的関係', en: 'Partnership or convenience' }, colour: '#76B7B2',
      definition: 'The relationship described as limited, transactional, a marriage of convenience, or short of an alliance.',
      indicators: {
        ja: ['パートナーシップ', '戦略的パートナー', '便宜的', '取引的', '打算', '利害の一致', '一時的な', '限定的な協力', '蜜月', '接近', '連携'],
        en: ['partnership', 'partner', 'marriage of convenience', 'transactional', 'convergence of interests', 'rapprochement', 'alignment', 'axis'],
        patterns: ['\\bnot (?:an|a formal) alliance\\b', '同盟(?:で|と)は(?:ない|言えない|いえない)'],
      } },
    { id: 'alliance.dependence', parent: 'alliance', name: { ja: '依存・非対称性', en: 'Dependence and asymmetry' }, colour: '#59A14F',
      definition: 'One side depending on the other, leverage, a junior and a senior partner.',
      indicators: {
        ja: ['依存', '従属', '非対称', '影響力', '見返り', '梃子', 'てこ', '主導権', '弱い立場'],
        en: ['dependence', 'dependency', 'dependent', 'leverage', 'asymmetry', 'asymmetric', 'junior partner', 'vassal', 'client state', 'quid pro quo'],
      } },

    // -------------------------------------------------------------------------------------------------
    { id: 'domain', name: { ja: '協力分野', en: 'Domains of cooperation' }, colour: '#9C755F', codable: false,
      definition: 'The area of military or economic cooperation a claim is about.' },
    { id: 'domain.space', parent: 'domain', name: { ja: '衛星・宇宙', en: 'Satellites and space' }, colour: '#17BECF',
      definition: 'Reconnaissance satellites, launch vehicles, space technology and its transfer.',
      indicators: {
        ja: ['衛星', '人工衛星', '偵察衛星', '軍事偵察衛星', '宇宙', 'ロケット打ち上げ', '打ち上げ', '発射場', '宇宙基地', '軌道'],
        en: ['satellite', 'space launch', 'launch vehicle', 'spaceport', 'orbit', 'space technology', 'reconnaissance satellite', 'cosmodrome', 'space programme', 'space program'],
      } },
    { id: 'domain.missiles', parent: 'domain', name: { ja: 'ミサイル', en: 'Missiles' }, colour: '#E15759',
      definition: 'Ballistic and cruise missiles, their supply, use, testing and technology.',
      indicators: {
        ja: ['ミサイル', '弾道ミサイル', '巡航ミサイル', '極超音速', '大陸間弾道', 'ICBM', '短距離弾道', '発射試験', '誘導', '弾頭'],
        en: ['missile', 'ballistic', 'cruise missile', 'hypersonic', 'ICBM', 'warhead', 'guidance system', 'launcher', 'KN-23', 'Iskander'],
      } },
    { id: 'domain.nuclear', parent: 'domain', name: { ja: '核', en: 'Nuclear' }, colour: '#B07AA1',
      definition: 'Nuclear weapons and programmes, tests, doctrine, non-proliferation and denuclearisation.',
      indicators: {
        ja: ['核兵器', '核開発', '核実験', '核保有', '非核化', '核抑止', '核拡散', '不拡散', 'NPT', '原子力潜水艦', '濃縮'],
        patterns: ['核(?!心|家族)'],
        en: ['nuclear', 'denuclearisation', 'denuclearization', 'non-proliferation', 'nonproliferation', 'proliferation', 'NPT', 'enrichment', 'nuclear test', 'atomic'],
      } },
    { id: 'domain.aviation', parent: 'domain', name: { ja: '航空', en: 'Aviation' }, colour: '#FF9DA7',
      definition: 'Combat aircraft, air defence, drones and the aviation industry.',
      indicators: {
        ja: ['戦闘機', '航空機', '空軍', '防空', 'ドローン', '無人機', '爆撃機', 'ヘリコプター', '航空', '制空'],
        en: ['fighter jet', 'aircraft', 'air force', 'air defence', 'air defense', 'drone', 'unmanned aerial', 'UAV', 'bomber', 'helicopter', 'aviation', 'MiG', 'Sukhoi'],
      } },
    { id: 'domain.naval', parent: 'domain', name: { ja: '海軍・海洋', en: 'Naval and maritime' }, colour: '#1F77B4',
      definition: 'Navies, submarines, ports, sea lanes and maritime transport of arms.',
      indicators: {
        ja: ['海軍', '潜水艦', '艦艇', '軍艦', '駆逐艦', '艦隊', '海上輸送', '海上', '寄港', '海峡', '航路'],
        patterns: ['(?<!香|空)港'],
        en: ['navy', 'naval', 'submarine', 'warship', 'destroyer', 'fleet', 'port', 'maritime', 'sea lane', 'shipping', 'vessel', 'port call'],
      } },
    { id: 'domain.munitions', parent: 'domain', name: { ja: '弾薬・砲兵', en: 'Ammunition and artillery' }, colour: '#F28E2B',
      definition: 'Artillery shells, rockets, small arms ammunition, their production and supply.',
      indicators: {
        ja: ['弾薬', '砲弾', '砲兵', '榴弾砲', '多連装ロケット', '自走砲', '弾丸', '兵器供与', '武器供与', '武器', '兵器'],
        en: ['ammunition', 'munition', 'artillery', 'shell', 'howitzer', 'rocket launcher', 'MLRS', 'arms supply', 'arms transfer', 'weapon', 'stockpile'],
        patterns: ['\\b\\d{3}\\s?mm\\b', '\\d{3}\\s?ミリ'],
      } },
    { id: 'domain.troops', parent: 'domain', name: { ja: '兵力・派遣', en: 'Troops and deployment' }, colour: '#8C564B',
      definition: 'Soldiers sent abroad, deployments, casualties on the battlefield, military advisers.',
      indicators: {
        ja: ['派兵', '派遣', '兵士', '兵力', '部隊', '将兵', '戦闘員', '前線', '参戦', '戦死', '死傷', '軍事顧問'],
        en: ['troops', 'soldier', 'deployment', 'deploy', 'battlefield', 'front line', 'frontline', 'casualties', 'combat', 'military adviser', 'military advisor', 'contingent', 'boots on the ground'],
      } },
    { id: 'domain.exercises', parent: 'domain', name: { ja: '演習・訓練', en: 'Exercises and training' }, colour: '#BCBD22',
      definition: 'Joint exercises, drills, training and military exchanges.',
      indicators: {
        ja: ['演習', '合同演習', '共同訓練', '訓練', '軍事交流', '教練', '戦術訓練'],
        en: ['exercise', 'joint exercise', 'drill', 'training', 'war game', 'wargame', 'military exchange', 'manoeuvre', 'maneuver'],
      } },
    { id: 'domain.intelligence', parent: 'domain', name: { ja: '情報・諜報', en: 'Intelligence' }, colour: '#7F7F7F',
      definition: 'Intelligence sharing, espionage, cyber operations and reconnaissance.',
      indicators: {
        ja: ['情報共有', '諜報', '情報機関', 'インテリジェンス', '偵察', 'サイバー', 'ハッカー', 'スパイ', '情報提供'],
        en: ['intelligence', 'espionage', 'spy', 'cyber', 'hacker', 'reconnaissance', 'surveillance', 'intelligence sharing', 'signals intelligence'],
      } },
    { id: 'domain.economy', parent: 'domain', name: { ja: '経済・労働', en: 'Economy and labour' }, colour: '#EDC948',
      definition: 'Trade, investment, energy, food, labourers sent abroad, tourism and economic aid.',
      indicators: {
        ja: ['経済', '貿易', '投資', '労働者', '労働力', '出稼ぎ', '観光', '食糧', '食料', 'エネルギー', '石油', '経済支援', '援助', '外貨', '鉄道', '物流'],
        en: ['economy', 'economic', 'trade', 'investment', 'labour', 'labor', 'worker', 'tourism', 'food aid', 'energy', 'oil', 'hard currency', 'railway', 'logistics', 'aid'],
      } },
    { id: 'domain.sanctions', parent: 'domain', name: { ja: '制裁・制裁逃れ', en: 'Sanctions and their evasion' }, colour: '#D62728',
      definition: 'Sanctions regimes, their violation and evasion, the UN panel of experts, ship-to-ship transfers.',
      indicators: {
        ja: ['制裁', '制裁逃れ', '制裁違反', '安保理決議', '国連安保理', '専門家パネル', '瀬取り', '抜け穴', '迂回', '密輸'],
        en: ['sanction', 'sanctions evasion', 'evade', 'evasion', 'Security Council', 'panel of experts', 'ship-to-ship', 'smuggling', 'loophole', 'circumvent', 'embargo'],
      } },

    // -------------------------------------------------------------------------------------------------
    { id: 'lens', name: { ja: '理論的視角', en: 'Theoretical lenses' }, colour: '#6B6ECF', codable: false,
      definition: 'The theory of international relations a view leans on, explicitly or by its vocabulary.' },
    { id: 'lens.balance-of-threat', parent: 'lens', name: { ja: '脅威均衡論', en: 'Balance of threat' }, colour: '#6B6ECF',
      definition: 'States align against the most threatening power, judged by capability, proximity, offensive power and intentions.',
      indicators: {
        ja: ['脅威均衡', '脅威の均衡', '共通の脅威', '共通の敵', '脅威認識', '攻撃的意図'],
        en: ['balance of threat', 'common threat', 'common enemy', 'threat perception', 'offensive intentions', 'Walt'],
      } },
    { id: 'lens.balance-of-power', parent: 'lens', name: { ja: '勢力均衡論', en: 'Balance of power' }, colour: '#9C9EDE',
      definition: 'States balance against concentrations of power; polarity and the distribution of capabilities.',
      indicators: {
        ja: ['勢力均衡', 'バランス・オブ・パワー', '多極', '一極', '二極', '覇権', 'パワーバランス', '力の均衡'],
        en: ['balance of power', 'multipolar', 'unipolar', 'bipolar', 'hegemony', 'hegemon', 'polarity', 'power shift'],
      } },
    { id: 'lens.balancing', parent: 'lens', name: { ja: '内的・外的バランシング', en: 'Internal and external balancing' }, colour: '#393B79',
      definition: 'Balancing by building one\'s own strength (internal) or by alliances (external); bandwagoning, hedging.',
      indicators: {
        ja: ['内的バランシング', '外的バランシング', 'バランシング', 'バンドワゴン', '追従', 'ヘッジ', '自主防衛', '自助'],
        en: ['internal balancing', 'external balancing', 'balancing', 'bandwagon', 'bandwagoning', 'hedging', 'hedge', 'self-help', 'Waltz'],
      } },
    { id: 'lens.alliance-dilemma', parent: 'lens', name: { ja: '同盟のジレンマ', en: 'Alliance dilemma' }, colour: '#5254A3',
      definition: 'Fear of abandonment and of entrapment; the security dilemma between partners.',
      indicators: {
        ja: ['見捨てられ', '巻き込まれ', '同盟のジレンマ', '安全保障のジレンマ', 'ジレンマ'],
        en: ['abandonment', 'entrapment', 'alliance dilemma', 'security dilemma', 'chain-ganging', 'buck-passing'],
      } },
    { id: 'lens.deterrence', parent: 'lens', name: { ja: '抑止論', en: 'Deterrence' }, colour: '#8CA252',
      definition: 'Deterrence by denial or punishment, credibility, escalation and coercion.',
      indicators: {
        ja: ['抑止', '抑止力', 'エスカレーション', 'エスカレート', '瀬戸際', '威嚇', '強要', '報復', '信頼性'],
        en: ['deterrence', 'deter', 'escalation', 'escalate', 'brinkmanship', 'coercion', 'coercive', 'retaliation', 'credibility'],
      } },
    { id: 'lens.liberal', parent: 'lens', name: { ja: 'リベラリズム・相互依存', en: 'Liberalism and interdependence' }, colour: '#B5CF6B',
      definition: 'Institutions, norms of the international order, economic interdependence, multilateralism.',
      indicators: {
        ja: ['相互依存', '国際秩序', '規範', '国際制度', '多国間', '国際法', 'ルールに基づく'],
        en: ['interdependence', 'international order', 'rules-based', 'norm', 'institution', 'multilateral', 'international law', 'liberal order'],
      } },
    { id: 'lens.identity', parent: 'lens', name: { ja: 'アイデンティティ・歴史', en: 'Identity and history' }, colour: '#CEDB9C',
      definition: 'Shared identity, ideology, historical memory and anti-Western solidarity as drivers.',
      indicators: {
        ja: ['アイデンティティ', 'イデオロギー', '歴史的', '兄弟', '友好', '反米', '反西側', '連帯', '記憶'],
        en: ['identity', 'ideology', 'ideological', 'historical', 'brotherhood', 'fraternal', 'solidarity', 'anti-Western', 'anti-American'],
      } },
    { id: 'lens.domestic', parent: 'lens', name: { ja: '国内政治・体制', en: 'Domestic politics and regime' }, colour: '#E7BA52',
      definition: 'Regime survival, leaders, elites and domestic audiences as the explanation.',
      indicators: {
        ja: ['体制維持', '体制の存続', '国内政治', '指導者', '権力基盤', '世論', '正統性', 'エリート'],
        en: ['regime survival', 'domestic politics', 'domestic audience', 'legitimacy', 'elite', 'public opinion', 'leadership'],
      } },
  ],
} as const;

/** The default codebook, validated once (a bad edit here fails the first test that loads it). */
export const DEFAULT_CODEBOOK: Codebook = parseCodebook(book, 'the default codebook');
