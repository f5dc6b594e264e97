// The dashboard's charts, each built from the KPI API's aggregates and paired with a table of the same numbers.
import { chartBlock, PALETTE } from '../charts.js';
import { divisionShort, number, percent, euro, RETURN_REASONS } from '../format.js';

const total = (rows, pick) => rows.reduce((sum, r) => sum + Number(pick(r) ?? 0), 0);
const AGES = { '0-1 working days past due': '0-1', 'over 10': 'meer dan 10' };
const ageLabel = (age) => AGES[age] ?? age;

const DIVISION_ORDER = ['DIVISION_SMZ', 'DIVISION_WERKBEDRIJF', 'DIVISION_UITKEREN', 'DIVISION_BEZWAAR_BEROEP'];

/** A bar chart; every number on it in Dutch format (nl-NL), like the tables. */
export function bar(categories, series, horizontal = false, counts = true, digits = counts ? 0 : 1) {
  const category = { type: 'category', data: categories, axisLabel: { interval: 0 } };
  const value = { type: 'value', minInterval: counts ? 1 : undefined, axisLabel: { formatter: (v) => number(v, digits) } };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v) => number(v, digits) },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontal ? 260 : 60, right: 40, top: series.length > 1 ? 40 : 20, bottom: 40 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({
      type: 'bar', name: s.name, data: s.data, stack: s.stack, markLine: s.markLine,
      label: { show: !s.stack, position: horizontal ? 'right' : 'top', formatter: (p) => number(p.value, digits) },
    })),
  };
}

/** One colour per division, the same on both sides of the Sankey, so no two divisions share one. */
const DIVISION_COLOURS = {
  DIVISION_SMZ: PALETTE[0], DIVISION_WERKBEDRIJF: PALETTE[1], DIVISION_UITKEREN: PALETTE[2], DIVISION_BEZWAAR_BEROEP: PALETTE[4],
};

function sankey(pairs) {
  // Senders on the left, receivers on the right: a flow back (WB → SMZ) stays readable and the graph acyclic.
  const nodes = new Map();
  const links = pairs.filter((p) => Number(p.count) > 0).map((p) => {
    const source = `van ${divisionShort(p.fromDivision)}`;
    const target = `naar ${divisionShort(p.toDivision)}`;
    nodes.set(source, p.fromDivision);
    nodes.set(target, p.toDivision);
    return { source, target, value: Number(p.count) };
  });
  return {
    tooltip: { trigger: 'item', valueFormatter: (v) => number(v) },
    series: [{
      type: 'sankey', left: 150, right: 150, nodeGap: 18, links, lineStyle: { color: 'gradient', opacity: 0.45 },
      // Every flow and every division with its number, in Dutch format.
      edgeLabel: { show: true, formatter: (p) => number(p.value), fontSize: 13 },
      data: [...nodes].map(([name, code]) => ({
        name,
        itemStyle: { color: DIVISION_COLOURS[code] ?? PALETTE[7] },
        label: { position: name.startsWith('van ') ? 'left' : 'right', fontSize: 14, formatter: (p) => `${p.name}: ${number(p.value)}` },
      })),
    }],
  };
}

/** Totals of the flow times: means weighted by episodes, efficiency by the hours. */
function flowTotals(flowTime) {
  const episodes = total(flowTime, (f) => f.episodes);
  const hours = total(flowTime, (f) => Number(f.meanFlowOfficeHours ?? 0) * Number(f.episodes ?? 0));
  const active = total(flowTime, (f) => Number(f.efficiency ?? 0) * Number(f.meanFlowOfficeHours ?? 0) * Number(f.episodes ?? 0));
  return ['Totaal', number(episodes), number(episodes ? hours / episodes : 0, 1), percent(hours ? active / hours : 1)];
}

export function flowCharts(d) {
  const pairs = [...(d.handovers ?? [])].sort((a, b) => Number(b.count) - Number(a.count));
  const reach = d.nazorgReach ?? {};
  const reachRows = [
    ['1e belpoging', reach.reachedAtAttempt1], ['2e belpoging', reach.reachedAtAttempt2], ['3e belpoging', reach.reachedAtAttempt3],
    ['later', reach.reachedLater], ['brief of e-mail', reach.writtenMessage],
  ].map(([label, share]) => ({ label, share: Number(share ?? 0) }));
  const reasons = d.returned?.reasons ?? [];
  const load = d.flowLoad ?? [];
  const teams = [...new Set(load.map((l) => l.areaTeam))].sort();
  const divisions = DIVISION_ORDER.filter((code) => load.some((l) => l.division === code));
  const ages = d.unaccepted?.byAge ?? [];
  const flowTime = d.flowTime ?? [];

  return [
    chartBlock({
      title: 'Overdrachten tussen organisatieonderdelen', tall: true,
      intro: 'De breedte van elke stroom is het aantal overdrachten van het ene naar het andere onderdeel.',
      option: sankey(pairs),
      columns: [['Van', (p) => divisionShort(p.fromDivision)], ['Naar', (p) => divisionShort(p.toDivision)], ['Aantal', (p) => number(p.count)]],
      rows: pairs,
      totals: ['Totaal', '', number(total(pairs, (p) => p.count))],
    }),
    chartBlock({
      title: 'Nazorg: wanneer bereikt',
      intro: `Van ${number(reach.withNazorg)} overdrachten met nazorg: bij welke belpoging de cliënt bereikt werd, of dat een brief of e-mail nodig was.`,
      option: bar(reachRows.map((r) => r.label), [{ name: 'aandeel (%)', data: reachRows.map((r) => Math.round(r.share * 1000) / 10) }], false, false),
      columns: [['Moment', (r) => r.label], ['Aandeel', (r) => percent(r.share)]],
      rows: Number(reach.withNazorg ?? 0) > 0 ? reachRows : [],
      totals: [`Totaal (${number(reach.withNazorg)} overdrachten)`, percent(total(reachRows, (r) => r.share))],
    }),
    chartBlock({
      title: 'Redenen van terugsturen',
      option: bar(reasons.map((r) => RETURN_REASONS[r.reason] ?? r.reason), [{ name: 'aantal', data: reasons.map((r) => Number(r.count)) }], true),
      columns: [['Reden', (r) => RETURN_REASONS[r.reason] ?? r.reason], ['Aantal', (r) => number(r.count)]],
      rows: reasons,
      totals: ['Totaal', number(total(reasons, (r) => r.count))],
    }),
    chartBlock({
      title: 'Werklast per organisatieonderdeel',
      intro: 'Open dossiers per onderdeel en gebiedsteam.',
      option: bar(divisions.map(divisionShort), teams.map((team) => ({
        name: team, stack: 'teams', data: divisions.map((code) => Number(load.find((l) => l.areaTeam === team && l.division === code)?.openDossiers ?? 0)),
      }))),
      columns: [['Gebiedsteam', (l) => l.areaTeam], ['Onderdeel', (l) => divisionShort(l.division)], ['Open dossiers', (l) => number(l.openDossiers)], ['Instroom per dag', (l) => number(l.arrivalsPerDay, 1)]],
      rows: load,
      totals: ['Totaal', '', number(total(load, (l) => l.openDossiers)), number(total(load, (l) => l.arrivalsPerDay), 1)],
    }),
    chartBlock({
      title: 'Stroomtijd per ontvangend organisatieonderdeel',
      intro: 'Gemiddelde kantooruren van de eerste aanvraag van een dossier tot de acceptatie, ook na terugsturen; efficiëntie is het deel van die tijd dat niet op acceptatie werd gewacht.',
      option: bar(flowTime.map((f) => divisionShort(f.division)), [{ name: 'kantooruren', data: flowTime.map((f) => Math.round(Number(f.meanFlowOfficeHours ?? 0) * 10) / 10) }], false, false),
      columns: [['Onderdeel', (f) => divisionShort(f.division)], ['Episodes', (f) => number(f.episodes)], ['Gemiddeld (kantooruren)', (f) => number(f.meanFlowOfficeHours, 1)], ['Efficiëntie', (f) => percent(f.efficiency)]],
      rows: flowTime,
      totals: flowTotals(flowTime),
    }),
    chartBlock({
      title: 'Niet geaccepteerd na de termijn',
      option: bar(ages.map((a) => ageLabel(a.age)), [{ name: 'aantal', data: ages.map((a) => Number(a.count)) }]),
      columns: [['Werkdagen over de termijn', (a) => ageLabel(a.age)], ['Aantal', (a) => number(a.count)]],
      rows: ages.filter((a) => Number(a.count) > 0).length ? ages : [],
      totals: ['Totaal', number(total(ages, (a) => a.count))],
      empty: 'Geen overdrachten over de acceptatietermijn.',
    }),
  ];
}

export function bezwaarCharts(teams) {
  return [chartBlock({
    title: 'Bezwaren per gebiedsteam: termijnrisico',
    option: bar(teams.map((t) => t.areaTeam), [
      { name: 'open', data: teams.map((t) => Number(t.openBezwaren ?? 0)) },
      { name: 'over de beslistermijn', data: teams.map((t) => Number(t.pastBeslistermijn ?? 0)) },
      { name: 'dwangsom loopt', data: teams.map((t) => Number(t.dwangsomRunning ?? 0)) },
    ]),
    columns: [['Gebiedsteam', (t) => t.areaTeam], ['Open', (t) => number(t.openBezwaren)], ['Over de termijn', (t) => number(t.pastBeslistermijn)],
      ['Dwangsom loopt', (t) => number(t.dwangsomRunning)], ['Opgelopen', (t) => euro(t.accruedCents)], ['Nog mogelijk', (t) => euro(t.stillPossibleCents)]],
    rows: teams,
    totals: ['Totaal', number(total(teams, (t) => t.openBezwaren)), number(total(teams, (t) => t.pastBeslistermijn)),
      number(total(teams, (t) => t.dwangsomRunning)), euro(total(teams, (t) => t.accruedCents)), euro(total(teams, (t) => t.stillPossibleCents))],
    empty: 'Geen open bezwaren.',
  })];
}
