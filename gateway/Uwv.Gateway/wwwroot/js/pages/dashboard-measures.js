// The manager's measures (issue 15): handover lead time, norm compliance, bezwaar timeliness, WGA clients without a
// re-integratie owner and the escalations of every norm; each chart with its table and the table's totals.
import { chartBlock } from '../charts.js';
import { divisionShort, number, percent, normName, normCategory } from '../format.js';
import { bar } from './dashboard-charts.js';

const total = (rows, pick) => rows.reduce((sum, r) => sum + Number(pick(r) ?? 0), 0);
const share = (part, whole) => (whole > 0 ? part / whole : 0);
const isPair = (l) => l.fromDivision && l.fromDivision !== 'DIVISION_UNSPECIFIED';
const pairLabel = (l) => `${divisionShort(l.fromDivision)} → ${divisionShort(l.toDivision)}`;
const hours = (value) => number(value, 2);

/** Met + late + not reached: the deadlines a share is taken of (a voided one is not counted). */
export const counted = (c) => Number(c.met ?? 0) + Number(c.late ?? 0) + Number(c.notReached ?? 0);

/** Met, counted and their share over some rows of the compliance table. */
export function complianceOf(rows) {
  const met = total(rows, (r) => r.met);
  const all = total(rows, counted);
  return { met, counted: all, share: share(met, all) };
}

export const BESLISTERMIJN = 'beslistermijn';
export const TERUGBELVERZOEK = 'terugbelverzoek';

/** The lead time over every pair and team (the total row without divisions), or an empty one. */
export const leadTimeOverall = (d) => (d.leadTimeTotal ?? []).find((l) => !isPair(l)) ?? {};

export function measureCharts(d) {
  return [leadTime(d), compliance(d), timeliness(d), escalations(d), reintegratie(d)];
}

function leadTime(d) {
  const pairs = (d.leadTimeTotal ?? []).filter(isPair);
  const all = leadTimeOverall(d);
  const rows = [...(d.leadTime ?? []), ...pairs];
  return chartBlock({
    title: 'Doorlooptijd van overdrachten',
    intro: 'Kantooruren van de aanvraag tot de acceptatie, per paar van organisatieonderdelen: p50 (de helft is sneller) en p85 (85% is sneller). '
      + 'Gemeten in vaste klassen (een kwartier tot een werkdag breed); getoond wordt de bovengrens van de klasse.',
    option: bar(pairs.map(pairLabel), [
      { name: 'p50 (kantooruren)', data: pairs.map((l) => Number(l.p50OfficeHours ?? 0)) },
      { name: 'p85 (kantooruren)', data: pairs.map((l) => Number(l.p85OfficeHours ?? 0)) },
    ], false, false),
    columns: [['Gebiedsteam', (l) => l.areaTeam || 'alle gebiedsteams'], ['Van', (l) => divisionShort(l.fromDivision)], ['Naar', (l) => divisionShort(l.toDivision)],
      ['Geaccepteerd', (l) => number(l.accepted)], ['p50 (kantooruren)', (l) => hours(l.p50OfficeHours)], ['p85 (kantooruren)', (l) => hours(l.p85OfficeHours)]],
    rows: pairs.length ? rows : [],
    totals: ['Totaal', 'alle', 'alle', number(all.accepted), hours(all.p50OfficeHours), hours(all.p85OfficeHours)],
  });
}

function compliance(d) {
  const rows = (d.normCompliance ?? []).filter((c) => c.norm !== BESLISTERMIJN);
  const norms = [...new Set(rows.map((c) => c.norm))];
  const all = complianceOf(rows);
  return chartBlock({
    title: 'Normen gehaald',
    intro: 'Per norm het deel dat op tijd is afgehandeld, geteld op de dag dat het werk klaar was. Een terugbelverzoek zonder de cliënt te bereiken telt als niet gehaald; vervallen werk telt niet mee.',
    option: bar(norms.map(normName), [{ name: 'gehaald (%)', data: norms.map((n) => Math.round(complianceOf(rows.filter((c) => c.norm === n)).share * 1000) / 10) }], true, false),
    columns: [['Norm', (c) => normName(c.norm)], ['Categorie', (c) => normCategory(c.category)], ['Gebiedsteam', (c) => c.areaTeam],
      ['Gehaald', (c) => number(c.met)], ['Te laat', (c) => number(c.late)], ['Niet bereikt', (c) => number(c.notReached)],
      ['Vervallen', (c) => number(c.voided)], ['Aandeel gehaald', (c) => percent(c.shareMet)]],
    rows,
    totals: ['Totaal', '', '', number(all.met), number(total(rows, (c) => c.late)), number(total(rows, (c) => c.notReached)),
      number(total(rows, (c) => c.voided)), percent(all.share)],
    empty: 'Nog geen afgehandelde termijnen in deze periode.',
  });
}

function timeliness(d) {
  const rows = (d.normCompliance ?? []).filter((c) => c.norm === BESLISTERMIJN);
  const categories = [...new Set(rows.map((c) => c.category ?? ''))].sort();
  const target = Number(rows.find((c) => c.target)?.target ?? 0.958);
  const all = complianceOf(rows);
  return chartBlock({
    title: 'Bezwaren op tijd beslist',
    intro: `Het deel van de bezwaren dat binnen de beslistermijn is beslist, medisch en niet-medisch apart. De norm is ${percent(target)} op tijd.`,
    option: bar(categories.map(normCategory), [{
      name: 'op tijd (%)',
      data: categories.map((k) => Math.round(complianceOf(rows.filter((c) => (c.category ?? '') === k)).share * 1000) / 10),
      markLine: { symbol: 'none', label: { formatter: `norm ${percent(target)}` }, data: [{ yAxis: Math.round(target * 1000) / 10 }] },
    }], false, false),
    columns: [['Categorie', (c) => normCategory(c.category)], ['Gebiedsteam', (c) => c.areaTeam], ['Op tijd', (c) => number(c.met)],
      ['Te laat', (c) => number(c.late)], ['Vervallen', (c) => number(c.voided)], ['Aandeel op tijd', (c) => percent(c.shareMet)], ['Norm', (c) => percent(c.target)]],
    rows,
    totals: ['Totaal', '', number(all.met), number(total(rows, (c) => c.late)), number(total(rows, (c) => c.voided)), percent(all.share), percent(target)],
    empty: 'Nog geen beslissingen op bezwaar in deze periode.',
  });
}

function escalations(d) {
  const rows = d.normEscalations ?? [];
  const norms = [...new Set(rows.map((e) => e.norm))];
  const of = (norm, pick) => total(rows.filter((e) => e.norm === norm), pick);
  return chartBlock({
    title: 'Escalaties per norm',
    intro: 'Escalaties naar de teamleider die in de periode zijn ontstaan, en hoeveel daarvan inmiddels zijn opgelost of nog open staan. Acceptatie overdracht is hetzelfde getal als de tegel Escalaties.',
    option: bar(norms.map(normName), [
      { name: 'opgelost', stack: 'escalaties', data: norms.map((n) => of(n, (e) => e.resolved)) },
      { name: 'open', stack: 'escalaties', data: norms.map((n) => of(n, (e) => e.stillOpen)) },
    ], true),
    columns: [['Norm', (e) => normName(e.norm)], ['Gebiedsteam', (e) => e.areaTeam], ['Geëscaleerd', (e) => number(e.fired)],
      ['Opgelost', (e) => number(e.resolved)], ['Open', (e) => number(e.stillOpen)]],
    rows,
    totals: ['Totaal', '', number(total(rows, (e) => e.fired)), number(total(rows, (e) => e.resolved)), number(total(rows, (e) => e.stillOpen))],
    empty: 'Geen escalaties in deze periode.',
  });
}

function reintegratie(d) {
  const owners = d.reintegratieOwners ?? {};
  const rows = owners.byTeam ?? [];
  return chartBlock({
    title: 'WGA-cliënten zonder re-integratie-eigenaar',
    intro: 'Nu, per gebiedsteam: cliënten met een WGA-uitkomst zonder geaccepteerde overdracht naar Werkbedrijf en zonder reden van de teamleider waarom dat niet nodig is. Doel: 0.',
    option: bar(rows.map((t) => t.areaTeam), [{ name: 'aantal', data: rows.map((t) => Number(t.count ?? 0)) }]),
    columns: [['Gebiedsteam', (t) => t.areaTeam], ['Zonder eigenaar', (t) => number(t.count)]],
    rows: rows.filter((t) => Number(t.count ?? 0) > 0),
    totals: ['Totaal', number(owners.wgaClientsWithoutOwner)],
    empty: 'Geen WGA-cliënten zonder re-integratie-eigenaar.',
  });
}
