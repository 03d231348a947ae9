/**
 * English attribution (extract/en/): one table per construction, on political-news and policy-commentary
 * texts written for these tests. Spans follow PolNeAR's conventions, with the cue being the verb group alone (has also
 * said, according to, said:), the source the whole noun phrase, the content keeps "that" and a quotation's marks
 * and inner comma, and drops the final stop; a content broken by its attribution has `parts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';

/** A row: the sentence(s), then the expected source, cue, and content (parts joined by ' ‖ '); speaker name optional. */
type Row = [text: string, source: string | null, cue: string, content: string, speaker?: string];

// A short lead paragraph and a title, so that the paragraphs under test are read as body text.
const lead = 'Budget Talks Stall\n\nThe committee met on Monday to debate the measure, which has divided the caucus for months.\n\n';

function attributions(text: string): { a: Analysis; got: { source: string | null; cue: string; content: string; speakers: string[]; rule: string; kind: string }[] } {
  const a = analyze(text, { language: 'en' });
  checkAnalysis(a, text);
  const name = (id: string) => a.people.find((p) => p.id === id)?.name ?? '?';
  return {
    a,
    got: a.attributions.map((x) => ({
      source: x.source?.text ?? null,
      cue: x.cue?.text ?? '',
      content: (x.parts ?? [x.content]).map((p) => p.text).join(' ‖ '),
      speakers: x.speakers.map(name),
      rule: x.evidence[0]?.rule ?? '',
      kind: x.kind,
    })),
  };
}

function table(title: string, rows: Row[]): void {
  for (const [body, source, cue, content, speaker] of rows) {
    test(`en ${title}: ${body.slice(0, 70)}`, () => {
      const text = lead + body + '\n';
      const { a, got } = attributions(text);
      const hit = got.find((g) => g.cue === cue && g.content === content);
      assert.ok(hit, `expected ${source} | ${cue} | ${content}\ngot:\n${got.map((g) => `  ${g.source} | ${g.cue} | ${g.content} [${g.rule}]`).join('\n')}`);
      assert.equal(hit.source, source);
      if (speaker) assert.deepEqual(hit.speakers, [speaker], `speaker of ${content}`);
      // Parts lie inside the outer content, in order, and each quotes the text.
      for (const x of a.attributions) {
        if (!x.parts) continue;
        assert.equal(x.parts[0]!.start, x.content.start);
        assert.equal(x.parts[x.parts.length - 1]!.end, x.content.end);
        for (const p of x.parts) assert.equal(text.slice(p.start, p.end), p.text);
      }
    });
  }
}

table('reported clause (said that, bare clause, adverbials between)', [
  ['Sen. Dana Whitfield said Tuesday that the spending plan would leave a gap.', 'Sen. Dana Whitfield', 'said', 'that the spending plan would leave a gap', 'Dana Whitfield'],
  ['Treasury officials have long argued the program wastes money.', 'Treasury officials', 'have long argued', 'the program wastes money'],
  ['Governor Ray Castell told reporters on Friday that the deal was dead.', 'Governor Ray Castell', 'told', 'that the deal was dead', 'Ray Castell'],
  ['The mayor acknowledged in a statement that the audit had found errors.', 'The mayor', 'acknowledged', 'that the audit had found errors'],
  ['Nadia Brandt, a historian who advised the campaign, believes the party will split.', 'Nadia Brandt, a historian who advised the campaign,', 'believes', 'the party will split', 'Nadia Brandt'],
  ['Rep. Tom Alvey (R-Kan.) said the vote would be close.', 'Rep. Tom Alvey (R-Kan.)', 'said', 'the vote would be close'],
  // A time phrase before the subject is not part of it: an article opens the subject's phrase.
  ['Last month the treasurer conceded the fund had shrunk.', 'the treasurer', 'conceded', 'the fund had shrunk'],
  // A present tense the tagger reads as a plural noun, after a name or a relative pronoun, before a clause.
  ['Voss notes they were hired before the merger.', 'Voss', 'notes', 'they were hired before the merger'],
  // A base form the tagger reads as a noun after its subject, with a clause after it.
  ['Surveys show a tight race in the county.', 'Surveys', 'show', 'a tight race in the county'],
  ['Filings from the 2019 audit show it lost money.', 'Filings from the 2019 audit', 'show', 'it lost money'],
]);

table('quotation before the cue, source after or before it', [
  ['“We are not going to sign a blank check,” Whitfield said.', 'Whitfield', 'said', '“We are not going to sign a blank check,”'],
  // An inverted source keeps its appositive (as PolNeAR marks it), up to an adjunct of the speech.
  ['“It is a serious proposal,” said Mark Odell, a spokesman for the Lake campaign.', 'Mark Odell, a spokesman for the Lake campaign', 'said', '“It is a serious proposal,”', 'Mark Odell'],
  ['“The count was fair,” said Irene Voss, a clerk, in a statement on Monday.', 'Irene Voss, a clerk', 'said', '“The count was fair,”', 'Irene Voss'],
  // A straight opening mark closed by a curly one still makes a quotation.
  ['"We will appeal the ruling,” said Paul Grady.', 'Paul Grady', 'said', '"We will appeal the ruling,”', 'Paul Grady'],
  ['“Who would pay for it?” Castell asked, looking at the crowd.', 'Castell', 'asked', '“Who would pay for it?”'],
  ["''There is a lot of new risk,'' Mr. Odell said.", 'Mr. Odell', 'said', "''There is a lot of new risk,''"],
  // A closing mark typed for the opening one, before an ellipsis, still opens the quotation.
  ['” … and then the council closed the clinic,” Calloway wrote.', 'Calloway', 'wrote', '” … and then the council closed the clinic,”'],
]);

table('quotation after the cue', [
  ['Castell said, “We have large plans for the last stretch.”', 'Castell', 'said', '“We have large plans for the last stretch.”'],
  ['The senator added: “Nobody in this room believes those numbers.”', 'The senator', 'added:', '“Nobody in this room believes those numbers.”'],
]);

table('quotation broken by its attribution, or carried on in the next sentence', [
  ['“This is not a tax cut,” Whitfield said, “it is a giveaway.”', 'Whitfield', 'said', '“This is not a tax cut,” ‖ “it is a giveaway.”'],
  ['“We will not back down,” Odell told supporters. “Not this year, not ever.”', 'Odell', 'told', '“We will not back down,” ‖ “Not this year, not ever.”'],
]);

table('trailing and parenthetical cues', [
  // A connective opening the sentence is the writer's link, not what was said.
  ['However, the levy will fail in the spring, Odell said.', 'Odell', 'said', 'the levy will fail in the spring'],
  ['The measure will not pass the Senate this year, two aides said.', 'two aides', 'said', 'The measure will not pass the Senate this year'],
  ['The plan, she said, was written in haste.', 'she', 'said', 'The plan ‖ was written in haste'],
]);

table('according to, and the As-frame', [
  ['According to the county auditor, the fund grew last year, but the reserve shrank.', 'the county auditor', 'According to', 'the fund grew last year'],
  ['According to a report by The Harbor Ledger, the review found no wrongdoing.', 'a report by The Harbor Ledger', 'According to', 'the review found no wrongdoing'],
  ['The review found no wrongdoing, according to two officials.', 'two officials', 'according to', 'The review found no wrongdoing'],
  ['As Michael Corvin has noted, the fleet cannot protect both coasts at once.', 'Michael Corvin', 'has noted', 'the fleet cannot protect both coasts at once'],
]);

table('intention, stance and listeners: infinitives and objects', [
  ['Odell promised to publish her ledgers ahead of the forum.', 'Odell', 'promised', 'to publish her ledgers ahead of the forum'],
  ['Officials at the Commerce Bureau declined to comment.', 'Officials at the Commerce Bureau', 'declined', 'to comment'],
  ['Castell urged lawmakers to pass the bill before the recess.', 'Castell', 'urged', 'lawmakers to pass the bill before the recess'],
  ['The governor denied the allegations in a radio interview.', 'The governor', 'denied', 'the allegations'],
  ['The challenger complained about the lighting at the forum.', 'The challenger', 'complained about', 'the lighting at the forum'],
  ['Whitfield is demanding that the board resign.', 'Whitfield', 'is demanding', 'that the board resign'],
]);

table('stance nouns and adjectives with their object', [
  ['Castell has long been critical of the pipeline deal.', 'Castell', 'critical of', 'the pipeline deal'],
  ['Her criticism of the tariff plan grew sharper after the vote.', 'Her', 'criticism of', 'the tariff plan'],
  ['Allegations of fraud have dogged the county clerk for years.', null, 'Allegations of', 'fraud'],
  ['Mayor Odell’s criticism of the budget surprised the council.', 'Mayor Odell’s', 'criticism of', 'the budget'],
]);

table('claim nouns with their clause, the possessor as source', [
  ['Contrary to her assertion that the books were balanced, the audit found a gap.', 'her', 'assertion', 'that the books were balanced'],
  ['Castell’s claim that the ballots had been moved is false.', 'Castell’s', 'claim', 'that the ballots had been moved'],
]);

test('en a belief inside what someone said is part of that claim; speech inside speech is a claim of its own', () => {
  const belief = attributions(lead + 'Mayor Odell said she now believes the levy will pass.\n').got;
  assert.deepEqual(belief.map((g) => [g.cue, g.content]), [['said', 'she now believes the levy will pass']]);
  const relay = attributions(lead + 'Odell said Park told her the levy would pass.\n').got;
  assert.deepEqual(relay.map((g) => g.cue).sort(), ['said', 'told']);
  // A pronoun for the inner speaker is most often the same speaker: one claim, not a relay.
  const same = attributions(lead + 'Odell said she told the board the levy would pass.\n').got;
  assert.deepEqual(same.map((g) => [g.cue, g.content]), [['said', 'she told the board the levy would pass']]);
});

test('en a paragraph introduced by "added:" is said whole, with its final stop', () => {
  const got = attributions(lead + 'The treasurer added:\n\nWe will publish every invoice before the vote.\n').got;
  assert.ok(got.some((g) => g.content === 'We will publish every invoice before the vote.'), JSON.stringify(got));
});

test('en a page label (Correction:, Update:) names no speaker; a speaker label does', () => {
  for (const body of ['Correction: The vote took place on Tuesday, not Monday as first stated.', 'Update: The council has since rescheduled the hearing.']) {
    assert.deepEqual(attributions(lead + body + '\n').got, [], body);
  }
  assert.deepEqual(attributions(lead + 'ODELL: We will not raise the levy.\n').got.map((g) => g.source), ['ODELL']);
});

test('en a claim no one is named as holding is no attribution, nor is a relative clause after a claim noun', () => {
  for (const body of ['The claim that the ballots had been moved spread online.', 'His claim that was filed in March failed.']) {
    const { got } = attributions(lead + body + '\n');
    assert.deepEqual(got.filter((g) => g.cue === 'claim'), [], body);
  }
});

table('participles after a preposition, a listener before a trailing stop, a passive with its agent, made it clear', [
  ['Whitfield began the hearing by saying the fund was empty.', 'Whitfield', 'saying', 'the fund was empty'],
  ['The deal is dead, Gov. Ray Castell (D-Ore.) told the Daily Ledger on Thursday.', 'Gov. Ray Castell (D-Ore.)', 'told', 'The deal is dead'],
  ['The missing invoices were first reported by the Harbor Courier.', 'the Harbor Courier', 'were first reported by', 'The missing invoices'],
  ['In a radio interview, Odell made it clear he would not resign.', 'Odell', 'made it clear', 'he would not resign'],
  ['Castell criticized the audit, promising to release every invoice.', 'Castell', 'promising', 'to release every invoice'],
  ['Her decision to delay the vote angered the board.', 'Her', 'decision', 'to delay the vote'],
]);

table('a quotation ending a clause begun in plain words', [
  ['The treasury "has made real progress this year," said Nora Blaine.', 'Nora Blaine', 'said', 'The treasury "has made real progress this year,"'],
  ['Even so, the audit "leaves too much unexplained," Castell said.', 'Castell', 'said', 'Even so, the audit "leaves too much unexplained,"'],
]);

table('quotations closed with a straight mark, and a paragraph introduced by "said:"', [
  ['“The audit is not finished," Rep. Nora Blaine (D-Vt.) said in a statement.', 'Rep. Nora Blaine (D-Vt.)', 'said', '“The audit is not finished,"'],
  ['The treasurer added:\n\nWe will publish every invoice, line by line, before the vote.', 'The treasurer', 'added:', 'We will publish every invoice, line by line, before the vote.'],
]);

table('participles and coordinated verbs share the subject', [
  ['“It is a serious proposal,” said Mark Odell, adding that the governor would respond next week.', 'Mark Odell', 'adding', 'that the governor would respond next week'],
  ['Lena Marsh promised to keep backing the bill and said she would not yield to the lobbyists.', 'Lena Marsh', 'said', 'she would not yield to the lobbyists'],
]);

table('labels: transcripts, headlines, quotations signed after a dash', [
  // A transcript's turn keeps its final stop (or the dash of a turn cut off); a headline's label does not.
  ['HOLLIS: Let me ask you about the budget before we run out of time.', 'HOLLIS', ':', 'Let me ask you about the budget before we run out of time.'],
  ['MARSH: Governor, forgive me for cutting in, but the tally —.', 'MARSH', ':', 'Governor, forgive me for cutting in, but the tally —.'],
  ['“I came here because nobody else would listen to us.” ― Rosa Delgado', 'Rosa Delgado', '―', '“I came here because nobody else would listen to us.”'],
  // A closing mark typed for the opening one still opens the quotation.
  ['”Nobody asked the farmers. Nobody asked us.” ― Rosa Delgado', 'Rosa Delgado', '―', '”Nobody asked the farmers. Nobody asked us.”'],
]);

test('en pronouns and surnames resolve to the person last named; who to its antecedent', () => {
  const text = `${lead}Sen. Dana Whitfield said the plan was rushed. She added that the numbers were wrong. Whitfield, who chairs the panel, wants to cut it.\n`;
  const { a, got } = attributions(text);
  const speakers = got.map((g) => g.speakers.join('+'));
  assert.deepEqual([...new Set(speakers)], ['Dana Whitfield']);
  const person = a.people.find((p) => p.name === 'Dana Whitfield');
  assert.equal(person?.title, 'Sen.');
  assert.equal(person?.role, 'speaker');
  // Every mention of her is hers: the full name, the pronoun and the surname.
  assert.deepEqual(person?.mentions.map((m) => m.text), ['Sen. Dana Whitfield', 'She', 'Whitfield, who chairs the panel,']);
});

test('en collective voices: groups, organisations and media are typed, never people', () => {
  const text = `${lead}Two aides said the bill was dead. The Treasury Department said the figures were sound. The Harbor Ledger reported that the talks had collapsed.\n`;
  const { a } = attributions(text);
  const type = (name: string) => a.people.find((p) => p.name === name)?.type;
  assert.equal(type('Two aides'), 'group');
  assert.equal(type('Treasury Department'), 'organization');
  assert.equal(type('Harbor Ledger'), 'media');
  assert.ok(a.people.every((p) => p.type !== 'person'), 'no one here is a person');
});

test('en evidence names the construction and the words it matched', () => {
  const { a } = attributions(`${lead}“The plan is dead,” Whitfield said.\n`);
  const [x] = a.attributions;
  assert.equal(x?.evidence[0]?.rule, 'en-quote-before');
  assert.equal(x?.evidence[0]?.note, 'said ← Whitfield');
  assert.equal(x?.kind, 'quote');
});

test('en footnote markers after a content source it and stay out of it', () => {
  const text = `${lead}Brian Kessler warned that combat experience would make the army more dangerous.2 Kessler noted that most troops will rotate home.3\n`;
  const { a } = attributions(text);
  const got = a.attributions.map((x) => [x.content.text, x.footnotes]);
  assert.deepEqual(got, [['that combat experience would make the army more dangerous', [2]], ['that most troops will rotate home', [3]]]);
});

test('en words inside a quotation are no cues; passives and infinitives under another verb are not either', () => {
  const text = `${lead}“They said it would never work,” Odell said. The bill was said to be dead. Castell refused to say when the vote would be held.\n`;
  const { got } = attributions(text);
  assert.deepEqual(got.map((g) => g.cue), ['said', 'refused']);
});

table('transcript turns quoted whole, and a gallery of signed quotations', [
  ['"MORALES: Thank you for joining us on such short notice this morning.', 'MORALES', ':', 'Thank you for joining us on such short notice this morning.'],
  ['“The council never asked us what we needed.” ― Irene Calloway\n“I am casting my first ballot this autumn.” ― Tomás Reyes', 'Irene Calloway', '―', '“The council never asked us what we needed.”'],
  ['“The council never asked us what we needed.” ― Irene Calloway\n“I am casting my first ballot this autumn.” ― Tomás Reyes', 'Tomás Reyes', '―', '“I am casting my first ballot this autumn.”'],
]);

test('en comparisons, money raised and the noun "calls" are no cues; raised concerns and calls for are', () => {
  const text = `${lead}Median pay rose 4 percent, compared with 6 percent a year earlier. The committee raised $12 million in March. Evening pledges arrived from supporters. Governor Ray Castell raised concerns about the audit. A former chairman calls for a recount.\n`;
  const { got } = attributions(text);
  assert.deepEqual(got.map((g) => g.cue), ['raised', 'calls for']);
});

table('object followed by a relative "that" (the relative stays in the content); listeners are still skipped', [
  ['Castell wants rules that protect small lenders from the new fees.', 'Castell', 'wants', 'rules that protect small lenders from the new fees'],
  ['Castell reiterated warnings from her comptroller that the fund was empty.', 'Castell', 'reiterated', 'that the fund was empty'],
  ['Whitfield told the panel on Thursday that the fund was empty.', 'Whitfield', 'told', 'that the fund was empty'],
  ['Castell told his aides to find another site.', 'Castell', 'told', 'his aides to find another site'],
  ['Park told her the levy would pass.', 'Park', 'told', 'the levy would pass'],
]);

table('content bounds: a non-restrictive relative or ", but" ends a governed clause', [
  ['Odell said the board approved the sale, which the court later blocked.', 'Odell', 'said', 'the board approved the sale'],
  ['Castell acknowledged that the figures were late, but insisted on the vote.', 'Castell', 'acknowledged', 'that the figures were late'],
  ['Odell said the audit was late; the board had met only twice.', 'Odell', 'said', 'the audit was late'],
  ['Most analysts agreed Whitfield won the exchange, Lena Ortiz noted that the format favored her.', 'Most analysts', 'agreed', 'Whitfield won the exchange'],
]);

table('content bounds: the setting and time of the speech close an object, not a clause with its own verb', [
  ['Senator Hal Brody denounced the settlement in a radio interview.', 'Senator Hal Brody', 'denounced', 'the settlement'],
  ['The carpenters union formally endorsed Mayor Ruth Okafor in March.', 'The carpenters union', 'formally endorsed', 'Mayor Ruth Okafor'],
  ['Councilwoman Iris Tan had said as much in a radio interview on Monday.', 'Councilwoman Iris Tan', 'had said', 'as much'],
  ['The aide said Okafor will speak at a rally in Dayton.', 'The aide', 'said', 'Okafor will speak at a rally in Dayton'],
  ['Castell attacked Odell in late-night tweets.', 'Castell', 'attacked', 'Odell'],
  ['Whitfield blasted the levy as a “disgrace” Friday on The Morning Ledger Show.', 'Whitfield', 'blasted', 'the levy as a “disgrace”'],
  ['Odell spoke about the harbor while at the convention.', 'Odell', 'spoke about', 'the harbor'],
]);

table('content bounds: a second predicate of the subject, a concessive clause, a topic after its preposition', [
  ['Whitfield declined the nomination and has since quit the board.', 'Whitfield', 'declined', 'the nomination'],
  ['Castell has pledged a veto and tried to unite both caucuses against the levy.', 'Castell', 'has pledged', 'a veto'],
  ['Odell claimed that the levy was fair, although he once more declined to publish the audit.', 'Odell', 'claimed', 'that the levy was fair'],
  ['Several aldermen have expressed grave concern about the ferry contract.', 'Several aldermen', 'have expressed', 'the ferry contract'],
  ['Reporters asked Whitfield about the missing invoices.', 'Reporters', 'asked', 'the missing invoices'],
  ['The governor believes in the good judgment of county clerks.', 'The governor', 'believes', 'the good judgment of county clerks'],
  ['Odell spoke out about the shooting in Dayton.', 'Odell', 'spoke out', 'the shooting in Dayton'],
  ['Senator Hal Brody was speaking out before the council vote about the cuts to the ferry service.', 'Senator Hal Brody', 'was speaking out', 'the cuts to the ferry service'],
]);

table('trailing cues followed by the circumstances of the speech', [
  ['During her years on the council, Odell said, the levy never passed.', 'Odell', 'said', 'the levy never passed'],
  ['In addition, the levy will fund two clinics, the clerk said.', 'the clerk', 'said', 'the levy will fund two clinics'],
  ['The levy will not pass, Odell said as he left the chamber.', 'Odell', 'said', 'The levy will not pass'],
  ['The count was fair, the clerk said in the hallway.', 'the clerk', 'said', 'The count was fair'],
  ['Whitfield said as much in her report.', 'Whitfield', 'said', 'as much'],
]);

table('content bounds: a that-clause keeps its ", which"; a relative on a person ends it', [
  ['Castell warned that the county was losing control of the reservoir, which supplies three towns.', 'Castell', 'warned', 'that the county was losing control of the reservoir, which supplies three towns'],
  ['Odell noted that the award went to Dana Whitfield, who chairs the board.', 'Odell', 'noted', 'that the award went to Dana Whitfield'],
]);

test('en a quotation a stance verb governs inside what someone said is part of that claim', () => {
  const got = attributions(lead + 'Odell said the families want “justice for the harbor workers.”\n').got;
  assert.deepEqual(got.map((g) => g.cue), ['said']);
});

test('en a stance noun inside what someone said is part of that claim', () => {
  const got = attributions(lead + 'Odell said the pipeline drew concerns about the river crossing.\n').got;
  assert.deepEqual(got.map((g) => [g.cue, g.content]), [['said', 'the pipeline drew concerns about the river crossing']]);
});

table('a quotation before the source is no content when the cue governs a clause of its own', [
  ['On Sunday’s broadcast of “Harbor Week,” Odell said the levy would pass.', 'Odell', 'said', 'the levy would pass'],
  ['In his column “Ledger Lines,” Odell wrote that the count was late.', 'Odell', 'wrote', 'that the count was late'],
  ['In an interview on “Harbor Week,” the mayor said the wave of shop closures and job cuts needs an answer.', 'the mayor', 'said', 'the wave of shop closures and job cuts needs an answer'],
]);

table('content bounds: a clause of time or reason with its own subject ends an object, not a clause', [
  ['Castell described the audit as a disgrace after the clerk resigned.', 'Castell', 'described', 'the audit as a disgrace'],
  ['The commission had called the session because its members felt misled.', 'The commission', 'had called', 'the session'],
  ['Odell said the count would end before the polls closed.', 'Odell', 'said', 'the count would end before the polls closed'],
  ['Whitfield urged the council to vote before the session ends.', 'Whitfield', 'urged', 'the council to vote before the session ends'],
]);

table('stance nouns: the topic runs on through what completes it, not into the sentence’s verb or a clause of time', [
  ['Whitfield’s criticism of the county for its failure to publish the audit surprised nobody.', 'Whitfield’s', 'criticism of', 'the county for its failure to publish the audit'],
  ['Odell is a longtime supporter of the levy and of the school board.', 'Odell', 'supporter of', 'the levy and of the school board'],
  ['His doubts about a fund that bears the mayor’s name grew after the audit.', 'His', 'doubts about', 'a fund that bears the mayor’s name'],
]);

table('a hyphenated listener, and a relative "that" after a setting is no clause of the cue', [
  ['Mayor Odell told Filipino-Americans on Saturday he would not seek another term.', 'Mayor Odell', 'told', 'he would not seek another term'],
  ['“We will not yield,” Castell told the crowd after the session that took place at the depot.', 'Castell', 'told', '“We will not yield,”'],
]);

table('known as: the name is the content', [
  ['The measure, known as the “Harbor Fairness Act,” passed in May.', null, 'known', 'the “Harbor Fairness Act,”'],
]);

table('a cue in a relative clause: its relative pronoun is the content', [
  ['That was what Dana Whitfield said when she left the council.', 'Dana Whitfield', 'said', 'what'],
  ['It is the kind of deal that Castell strongly supports.', 'Castell', 'strongly supports', 'that'],
  ['Odell said that Park agreed.', 'Odell', 'said', 'that Park agreed'],
]);

table('an infinitive of a cue verb: the chain is one cue, its content what the inner verb governs', [
  ['Castell has flatly refused to reveal the receipts.', 'Castell', 'has flatly refused', 'the receipts'],
  ['Odell wanted to know who had approved the contract.', 'Odell', 'wanted', 'who had approved the contract'],
  ['Whitfield plans to cut the levy.', 'Whitfield', 'plans', 'to cut the levy'],
  ['The mayor continues to ignore the audit.', 'The mayor', 'continues', 'the audit'],
]);

table('verbs of setting out, connecting, judging and blaming take their object as content', [
  ['Odell also outlined her plan for the port.', 'Odell', 'also outlined', 'her plan for the port'],
  ['Castell repeatedly linked the shortfall to the mayor’s new contracts.', 'Castell', 'repeatedly linked', 'the shortfall to the mayor’s new contracts'],
  ['The alderman downplayed the chance of a strike.', 'The alderman', 'downplayed', 'the chance of a strike'],
]);

table('a cue in a fronted clause: its content ends with that clause', [
  ['While the judge found the rule unconstitutional, his ruling was overturned on appeal.', 'the judge', 'found', 'the rule unconstitutional'],
  ['As Castell has noted, the fund is nearly empty.', 'Castell', 'has noted', 'the fund is nearly empty'],
]);

table('content bounds: an appositive closing a reported clause is the writer’s', [
  ['Odell said she did not support Castell, the favorite of the county machine.', 'Odell', 'said', 'she did not support Castell'],
  ['Whitfield said the money should go to the harbor authority, the agency that runs the port.', 'Whitfield', 'said', 'the money should go to the harbor authority'],
]);

test('en a participle used as an adjective, and a decline in amount, attribute nothing', () => {
  assert.deepEqual(attributions(lead + 'The highly anticipated audit was delayed again.\n').got, []);
  const got = attributions(lead + 'Revenue would shrink by three percent in the coming year, the clerk said.\n').got;
  assert.deepEqual(got.map((g) => [g.cue, g.content]), [['said', 'Revenue would shrink by three percent in the coming year']]);
});

test('en a second verb of the same subject after a reported clause: a stance goes on with the clause, speech is its own claim', () => {
  const stance = attributions(lead + 'Odell said the audit was late and refused to release the invoices.\n').got;
  assert.deepEqual(stance.map((g) => [g.cue, g.content]), [['said', 'the audit was late and refused to release the invoices']]);
  const speech = attributions(lead + 'Odell said the audit was late and said the board would meet.\n').got;
  assert.deepEqual(speech.map((g) => [g.cue, g.content]), [['said', 'the audit was late'], ['said', 'the board would meet']]);
});

table('according to after a whole clause: what follows the source comments on it', [
  ['The top tenth of earners would gain nine points, according to the Harbor Institute, well above the middle fifth.', 'the Harbor Institute', 'according to', 'The top tenth of earners would gain nine points'],
  ['The plan, according to the county auditor, will fail.', 'the county auditor', 'according to', 'The plan ‖ will fail'],
  ['The top fifth paid 60 percent of the levy, according to the county auditor, and the bottom fifth paid 2 percent.', 'the county auditor', 'according to', 'The top fifth paid 60 percent of the levy ‖ and the bottom fifth paid 2 percent'],
]);

table('content bounds: an aside in brackets, and the question mark of the whole sentence, stay out', [
  ['Odell argued that the levy was fair (which few believed).', 'Odell', 'argued', 'that the levy was fair'],
  ['Do you know where the county keeps its ledgers?', 'you', 'know', 'where the county keeps its ledgers'],
  ['“Will the county pay?” Whitfield asked.', 'Whitfield', 'asked', '“Will the county pay?”'],
]);

table('a setting or an adverb between the cue and its clause stays out', [
  ['Odell said after the hearing she would not resign.', 'Odell', 'said', 'she would not resign'],
  ['Castell admitted under oath he had not read the audit.', 'Castell', 'admitted', 'he had not read the audit'],
  ['Whitfield knows exactly what the levy will cost.', 'Whitfield', 'knows', 'what the levy will cost'],
  ['Odell says at a town hall in Dayton, Ohio, that the levy means fewer teachers.', 'Odell', 'says', 'that the levy means fewer teachers'],
  ['Castell stated in his weekly column, there are many questions about the audit.', 'Castell', 'stated', 'there are many questions about the audit'],
]);

test('en a pronoun after the cue that a verb follows is the clause’s subject, not an inverted source', () => {
  const got = attributions(lead + 'Dana Whitfield, head of the teachers union, which represents county staff, said she hopes the levy passes.\n').got;
  assert.ok(got.some((g) => g.cue === 'said' && g.content === 'she hopes the levy passes' && g.source !== 'she'), JSON.stringify(got));
});
