// Dutch words and formats for what the API returns in codes.

export const DIVISIONS = {
  DIVISION_SMZ: 'Sociaal Medische Zaken (SMZ)',
  DIVISION_WERKBEDRIJF: 'Werkbedrijf',
  DIVISION_UITKEREN: 'Uitkeren',
  DIVISION_BEZWAAR_BEROEP: 'Bezwaar en Beroep',
};
export const DIVISION_SHORT = {
  DIVISION_SMZ: 'SMZ', DIVISION_WERKBEDRIJF: 'Werkbedrijf', DIVISION_UITKEREN: 'Uitkeren', DIVISION_BEZWAAR_BEROEP: 'B&B',
};
/** The division code in a token ("SMZ", "WB", ...) as the API's enum name. */
export const DIVISION_OF_CLAIM = { SMZ: 'DIVISION_SMZ', WB: 'DIVISION_WERKBEDRIJF', UIT: 'DIVISION_UITKEREN', BB: 'DIVISION_BEZWAAR_BEROEP' };
/** The JSON route prefix of each division's API. */
export const DIVISION_API = {
  DIVISION_SMZ: 'smz', DIVISION_WERKBEDRIJF: 'werkbedrijf', DIVISION_UITKEREN: 'uitkeren', DIVISION_BEZWAAR_BEROEP: 'bezwaarberoep',
};

export const division = (code) => DIVISIONS[code] ?? 'onbekend';
export const divisionShort = (code) => DIVISION_SHORT[code] ?? '–';

export const HANDOVER_STATES = {
  requested: 'aangevraagd',
  'nazorg-pending': 'wacht op nazorg',
  ready: 'klaar voor overdracht',
  transferred: 'overgedragen, wacht op acceptatie',
  accepted: 'geaccepteerd',
  returned: 'teruggestuurd',
  escalated: 'geëscaleerd',
  cancelled: 'ingetrokken',
};
export const handoverState = (state) => HANDOVER_STATES[state] ?? state ?? '–';

/** The steps of a handover's history (HandoverHistory on the server). */
export const HANDOVER_STEPS = {
  requested: 'Overdracht aangevraagd',
  'nazorg-attempt': 'Nazorgbelpoging',
  'written-message': 'Brief of e-mail gestuurd',
  'nazorg-overridden': 'Nazorg doorbroken door teamleider',
  'warm-handover-arranged': 'Warme overdracht afgesproken',
  'warm-handover-confirmed': 'Warme overdracht bevestigd',
  transferred: 'Overgedragen',
  accepted: 'Geaccepteerd',
  returned: 'Teruggestuurd',
  cancelled: 'Ingetrokken',
  escalated: 'Geëscaleerd',
  'ping-pong': 'Pingpong: het dossier kwam terug',
  casusoverleg: 'Uitkomst casusoverleg',
};
export const handoverStep = (what) => HANDOVER_STEPS[what] ?? what ?? '–';

/** Why a handover was escalated, and to whom. */
export const ESCALATION_CAUSES = {
  'acceptance-sla': 'niet op tijd geaccepteerd',
  'return-follow-up-sla': 'teruggestuurd en niet op tijd opgepakt',
  'ping-pong': 'tweede pingpong: casusoverleg',
};
export const ESCALATION_LEVELS = { teamleider: 'teamleider', manager: 'manager' };
export const PING_PONG_KINDS = { direct: 'direct terug', indirect: 'terug via een ander organisatieonderdeel' };
export const WRITTEN_CHANNELS = { letter: 'brief', email: 'e-mail' };

/** The statuses of a division dossier (DossierStatuses on the server). */
export const DOSSIER_STATUSES = {
  open: 'open', 'in-behandeling': 'in behandeling', 'wacht-op-client': 'wacht op cliënt', closed: 'afgesloten',
};
export const dossierStatus = (status) => DOSSIER_STATUSES[status] ?? status ?? '–';

/** The states in which a handover still runs: its dossier cannot be handed over a second time meanwhile. */
export const OPEN_HANDOVER_STATES = ['requested', 'nazorg-pending', 'ready', 'transferred', 'returned', 'escalated'];

export const RETURN_REASONS = {
  RETURN_REASON_INCOMPLETE_DOSSIER: 'Dossier onvolledig',
  RETURN_REASON_WRONG_DIVISION: 'Verkeerd organisatieonderdeel',
  RETURN_REASON_CLIENT_NOT_READY: 'Cliënt is er nog niet aan toe',
  RETURN_REASON_NAZORG_INSUFFICIENT: 'Nazorg onvoldoende',
  RETURN_REASON_OTHER: 'Andere reden',
  // The same reasons as the KPI aggregates and the handover name them.
  'incomplete-dossier': 'Dossier onvolledig',
  'wrong-division': 'Verkeerd organisatieonderdeel',
  'client-not-ready': 'Cliënt is er nog niet aan toe',
  'nazorg-insufficient': 'Nazorg onvoldoende',
  other: 'Andere reden',
};

/** The service norms of the dashboard's measures (their names in the KPI API), with their terms. */
export const NORMS = {
  overdracht: 'Acceptatie overdracht',
  terugbelverzoek: 'Terugbelverzoek (24 uur; WW 4 kantooruren)',
  'bezwaar-contact': 'Contact bij bezwaar (5 werkdagen)',
  'herkeuring-call': 'Bellen bij herkeuring (5 dagen)',
  beslistermijn: 'Beslistermijn bezwaar',
  herbeoordelingsverzoek: 'Herbeoordelingsverzoek WB naar SMZ',
  'wga-80-100-contact': 'Jaarlijks contact WGA 80-100',
};
export const normName = (norm) => NORMS[norm] ?? norm ?? '–';
export const NORM_CATEGORIES = { medisch: 'medisch', 'niet-medisch': 'niet-medisch' };
export const normCategory = (category) => (category ? NORM_CATEGORIES[category] ?? category : '–');

export const KWETSBAARHEID = {
  KWETSBAARHEID_FACTOR_FINANCIEN: 'Financiën',
  KWETSBAARHEID_FACTOR_DEMOGRAFIE: 'Demografie',
  KWETSBAARHEID_FACTOR_DOENVERMOGEN: 'Doenvermogen',
  KWETSBAARHEID_FACTOR_DENKVAARDIGHEDEN: 'Denkvaardigheden',
  KWETSBAARHEID_FACTOR_SOCIAAL_VANGNET: 'Sociaal vangnet',
  KWETSBAARHEID_FACTOR_FINANCIELE_DRUK: 'Financiële druk',
  KWETSBAARHEID_FACTOR_GEZONDHEID: 'Gezondheid',
  KWETSBAARHEID_FACTOR_THUISSITUATIE: 'Thuissituatie',
  KWETSBAARHEID_FACTOR_LEVENSGEBEURTENIS: 'Levensgebeurtenis',
  KWETSBAARHEID_FACTOR_VEEL_INSTANTIES: 'Veel instanties',
};

export const WORK_KINDS = {
  dossier: 'Dossier', handover: 'Overdracht', terugbelverzoek: 'Terugbelverzoek', callback: 'Terugbelverzoek',
  bezwaar: 'Bezwaar', herkeuring: 'Herkeuring', herbeoordelingsverzoek: 'Herbeoordelingsverzoek',
  'bezwaar-contact': 'Contact bezwaar', 'bezwaar-beslistermijn': 'Beslistermijn', 'herkeuring-bellen': 'Herkeuring bellen',
  'wga-80-100-contact': 'Jaarcontact WGA 80-100', escalatie: 'Escalatie teamleider',
};
export const workKind = (kind) => WORK_KINDS[kind] ?? kind ?? '–';

export const ROLE_NAMES = {
  verzekeringsarts: 'verzekeringsarts', arbeidsdeskundige: 'arbeidsdeskundige', procesbegeleider: 'procesbegeleider',
  'adviseur-werk': 'adviseur werk', uitkeringsdeskundige: 'uitkeringsdeskundige', jurist: 'jurist',
  teamleider: 'teamleider', manager: 'manager', 'privacy-officer': 'privacy officer', beheerder: 'functioneel beheerder',
};

export const AO_KLASSEN = {
  AO_KLASSE_BELOW_35: 'minder dan 35%', AO_KLASSE_35_80: '35-80%', AO_KLASSE_80_100_WGA: '80-100% (WGA)', AO_KLASSE_IVA: 'IVA (volledig en duurzaam)',
};

export const BEOORDELING_TYPES = {
  BEOORDELING_TYPE_WIA_CLAIMBEOORDELING: 'WIA-claimbeoordeling', BEOORDELING_TYPE_HERBEOORDELING: 'Herbeoordeling', BEOORDELING_TYPE_ZIEKTEWET: 'Ziektewetbeoordeling',
};

export const enumText = (value, prefix) =>
  value ? value.replace(prefix, '').toLowerCase().replaceAll('_', ' ') : '–';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

export function date(iso) {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

export function dateTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export const euro = (cents) => euroFormat.format(Number(cents ?? 0) / 100);
export const percent = (share) => `${(Number(share ?? 0) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
export const number = (value, digits = 0) => Number(value ?? 0).toLocaleString('nl-NL', { maximumFractionDigits: digits });
export const yesNo = (value) => (value ? 'ja' : 'nee');

/** An id in the 32-hex form used in worklist keys, as the API's dashed form. */
export function dashedId(id) {
  if (!/^[0-9a-f]{32}$/i.test(id)) return id;
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/**
 * The calendar day of an instant in Amsterdam, as yyyy-mm-dd: the platform counts days in Dutch office time, so
 * between midnight in Amsterdam and midnight UTC "today" is already the next day (a UTC date would miss it).
 */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
export const isoDay = (d) => amsterdamDay.format(d);

/** Doel van inzage: the platform's fixed list of purpose codes (InzageDoel on the server), with their Dutch labels. */
export const PURPOSES = {
  klantcontact: 'Contact met de cliënt',
  dossierbehandeling: 'Behandeling van het dossier',
  beoordeling: 'Sociaal-medische beoordeling',
  overdracht: 'Overdracht tussen organisatieonderdelen',
  terugbelverzoek: 'Terugbelverzoek afhandelen',
  bezwaar: 'Bezwaar of beroep behandelen',
  nazorg: 'Nazorg na een beoordeling of beslissing',
  casusoverleg: 'Casusoverleg',
};
/** An audit log's purpose ("code" or "code: toelichting") in Dutch words. */
export const purposeText = (recorded) => {
  if (!recorded) return '–';
  const [code, ...note] = recorded.split(': ');
  const label = PURPOSES[code];
  if (!label) return recorded;
  return note.length ? `${label}: ${note.join(': ')}` : label;
};

/** The outcomes the audit log records (AuditOutcomes on the server). */
export const AUDIT_OUTCOMES = {
  allowed: 'Toegestaan', denied: 'Geweigerd', not_found: 'Niet gevonden', already_exists: 'Bestaat al', invalid: 'Ongeldige invoer',
  failed_precondition: 'Regel niet voldaan', rate_limited: 'Te vaak geweigerd', conflict: 'Gelijktijdig gewijzigd', failed: 'Mislukt',
};
export const auditOutcome = (outcome) => AUDIT_OUTCOMES[outcome] ?? outcome ?? '–';

/** The groups of data a call served (the klantbeeld's field groups and the audited calls' declared data). */
export const DATA_GROUPS = {
  person: 'persoonsgegevens', bsn: 'BSN', address: 'adres', beoordelingen: 'beoordelingen', dossiers: 'dossiers',
  divisions: 'gegevens van de organisatieonderdelen', handovers: 'overdrachten', beoordeling: 'beoordeling', medical: 'medische gegevens',
  smz: 'gegevens SMZ', werkbedrijf: 'gegevens Werkbedrijf', uitkeren: 'gegevens Uitkeren', bezwaarberoep: 'gegevens Bezwaar en Beroep',
  'reintegratie-owner': 'eigenaar re-integratie', worklist: 'werkvoorraad', handover: 'overdracht', nazorg: 'nazorg',
  'open-questions': 'open vragen', 'return-reason': 'reden van terugsturen', signalen: 'signalen', klantbeeld: 'klantbeeld', 'audit-log': 'auditlog',
  'klantbeeld-rebuild': 'klantbeeld opnieuw opgebouwd', 'error-queue-replay': 'opnieuw aangeboden berichten', '-': 'geen gegevens verstrekt',
};
/** A comma-separated list of data groups in Dutch words. */
export const dataGroups = (codes) => (codes ? codes.split(',').map((c) => DATA_GROUPS[c.trim()] ?? c.trim()).join(', ') : '–');

/** The platform's services as they appear in the audit log. */
export const SERVICES = {
  'uwv.klantbeeld.v1.KlantbeeldService': 'Klantbeeld', 'uwv.handover.v1.HandoverService': 'Overdracht',
  'uwv.handover.v1.HandoverKpiService': 'Dashboard', 'uwv.smz.v1.SmzService': 'SMZ', 'uwv.werkbedrijf.v1.WerkbedrijfService': 'Werkbedrijf',
  'uwv.uitkeren.v1.UitkerenService': 'Uitkeren', 'uwv.bezwaarberoep.v1.BezwaarBeroepService': 'Bezwaar en Beroep',
  'replay-errors': 'Beheer',
};
export const serviceName = (service) => SERVICES[service] ?? service ?? '–';

/** Every action of the API (its gRPC method), as the audit log shows it. */
export const METHODS = {
  AcceptHandover: 'Overdracht geaccepteerd', AdvanceTrajectPhase: 'Trajectfase gewijzigd', AnswerHerbeoordelingsverzoek: 'Herbeoordelingsverzoek beantwoord',
  ArrangeWarmHandover: 'Warme overdracht afgesproken', CancelHandover: 'Overdracht ingetrokken', ChangeDossierStatus: 'Dossierstatus gewijzigd', AssignDossierToMe: 'Dossier aan zichzelf toegewezen',
  CompleteInkomstenSignaalReview: 'Inkomstensignaal beoordeeld', CompleteTerugbelverzoek: 'Terugbelverzoek afgehandeld',
  ConfirmWarmHandover: 'Warme overdracht bevestigd', CountHerbeoordelingsverzoeken: 'Herbeoordelingsverzoeken geteld',
  CreateTerugbelverzoek: 'Terugbelverzoek vastgelegd', DecideBezwaar: 'Beslissing op bezwaar vastgelegd', EndHerstelVerzuim: 'Herstel verzuim afgerond',
  EndSignaal: 'Signaal beëindigd', EndUitkering: 'Uitkering beëindigd', GetBeoordeling: 'Beoordeling ingezien', GetBezwaar: 'Bezwaar ingezien',
  GetClient: 'Cliëntgegevens ingezien', GetDossier: 'Dossier ingezien', GetHerkeuringsaanvraag: 'Herkeuringsaanvraag ingezien', GetDwangsomExposure: 'Dwangsomrisico ingezien',
  GetDwangsomExposureSummary: 'Dwangsomoverzicht ingezien', GetHandover: 'Overdracht ingezien', GetHerbeoordelingsverzoek: 'Herbeoordelingsverzoek ingezien',
  GetKlantbeeld: 'Klantbeeld ingezien', GetKpiDashboard: 'Dashboard ingezien', GetReintegratieOwner: 'Eigenaar re-integratie ingezien',
  GetTraject: 'Traject ingezien', GetVoorschot: 'Voorschot ingezien', GrantUitkering: 'Uitkering toegekend', ListAuditEntries: 'Auditlog ingezien',
  ListBezwaarDeadlines: 'Bezwaartermijnen ingezien', ListHerbeoordelingsverzoeken: 'Herbeoordelingsverzoeken ingezien',
  ListInkomstenSignalen: 'Inkomstensignalen ingezien', ListInkomstenSignalenTeBeoordelen: 'Te beoordelen inkomstensignalen ingezien',
  ListLateHerkeuringCalls: 'Te late herkeuringsgesprekken ingezien', ListOverdueTerugbelverzoeken: 'Verlopen terugbelverzoeken ingezien',
  ListTerugvorderingen: 'Terugvorderingen ingezien', ListUitkeringen: 'Uitkeringen ingezien', ListWga: 'WGA-overzicht ingezien',
  ListWga80100ContactsDue: 'Jaarcontacten WGA 80-100 ingezien', ListWorklist: 'Werkvoorraad ingezien', LogContact: 'Contact vastgelegd', MoveClient: 'Verhuizing vastgelegd', OfferVoorschot: 'Voorschot aangeboden',
  OpenDossier: 'Dossier geopend', OpenHerbeoordelingsverzoek: 'Herbeoordelingsverzoek ingediend', OverrideNazorg: 'Nazorg doorbroken',
  PickUpHerbeoordelingsverzoek: 'Herbeoordelingsverzoek opgepakt', PlanHoorzitting: 'Hoorzitting gepland', RebuildKlantbeeld: 'Klantbeeld opnieuw opgebouwd',
  RecordAfspraak: 'Afspraak vastgelegd', RecordBeoordeling: 'Beoordeling vastgelegd', RecordBezwaarContact: 'Contact over bezwaar vastgelegd',
  RecordDoel: 'Doel vastgelegd', RecordHerkeuringCall: 'Gesprek over herkeuring vastgelegd', RecordHoorzitting: 'Hoorzitting vastgelegd',
  RecordIngebrekestelling: 'Ingebrekestelling vastgelegd', RecordInkomstenSignaal: 'Inkomstensignaal vastgelegd', RecordNazorgAttempt: 'Nazorgbelpoging vastgelegd',
  RecordReintegratieNotNeeded: 'Geen re-integratie nodig vastgelegd', RecordSignaal: 'Signaal vastgelegd', RecordTerugvordering: 'Terugvordering vastgelegd',
  RecordVoorschotBelpoging: 'Belpoging voorschot vastgelegd', RecordWrittenMessage: 'Brief of e-mail vastgelegd', RegisterBeroep: 'Beroep geregistreerd',
  RegisterBezwaar: 'Bezwaar geregistreerd', RegisterClient: 'Cliënt ingeschreven', RegisterHerkeuringsaanvraag: 'Herkeuringsaanvraag geregistreerd',
  RequestHandover: 'Overdracht aangevraagd', ReturnHandover: 'Overdracht teruggestuurd', StartHerstelVerzuim: 'Herstel verzuim gestart',
  StartTraject: 'Traject gestart', StartVoorschot: 'Voorschot gestart', TransferHandover: 'Dossier overgedragen', VerdaagBeslistermijn: 'Beslistermijn verdaagd',
  WithdrawSignaalConsent: 'Toestemming voor signalen ingetrokken', ReplayErrorQueue: 'Foutberichten opnieuw aangeboden',
  ListEscalations: 'Escalaties ingezien', RecordCasusoverleg: 'Uitkomst casusoverleg vastgelegd', SearchClients: 'Cliënt gezocht',
};
export const methodName = (method) => METHODS[method] ?? method ?? '–';
