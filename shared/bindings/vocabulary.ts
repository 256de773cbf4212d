/**
 * What the words of historian names and asset names mean, as concepts. A word may stand for several
 * (`LCHWT` is leaving + chilled water + temperature). Concepts are of three sorts: equipment (what a
 * thing is), measures (what a value is) and qualifiers (which side, which circuit, which direction).
 * Words are matched in lower case, after names are split at separators, case changes and digits.
 */

// A drive (VFD) is said of the pump or fan it drives (`CHWP1_VFD_HZ`), so it is no equipment of its own here.
export const EQUIPMENT = new Set(['chiller', 'pump', 'tower', 'header', 'valve', 'coil', 'ahu', 'boiler', 'hx', 'tank', 'compressor', 'filter']);

export const MEASURES = new Set([
  'temperature',
  'power',
  'energy',
  'current',
  'speed',
  'status',
  'alarm',
  'command',
  'position',
  'setpoint',
  'flow',
  'dp',
  'pressure',
  'level',
  'load',
  'humidity',
  'wetbulb',
]);

/** Qualifiers that tell apart assets of one kind (which circuit, which end of the loop). */
export const AXES: readonly (readonly string[])[] = [
  ['chw', 'cw', 'hw'],
  ['supply', 'return'],
  ['leaving', 'entering'],
  ['evap', 'cond'],
  ['primary', 'secondary'],
  ['suction', 'discharge'],
];

const W: Record<string, readonly string[]> = {};
function words(concepts: readonly string[], list: readonly string[]): void {
  for (const w of list) W[w] = concepts;
}

// Equipment
words(['chiller'], ['ch', 'chl', 'chlr', 'chiller', 'chillers', 'chil', 'chr', 'wcc', 'chlrs', 'chllr', 'chill', 'chlr', 'ch_', 'chlrplant']);
words(['pump'], ['pump', 'pumps', 'pmp', 'pu', 'pp', 'pmps']);
words(['chw', 'pump'], ['chwp', 'chp', 'chwpump']);
words(['chw', 'pump', 'primary'], ['pchwp', 'pchp']);
words(['chw', 'pump', 'secondary'], ['schwp', 'schp']);
words(['cw', 'pump'], ['cwp', 'cdwp', 'cndp', 'cdp', 'cwpump']);
words(['hw', 'pump'], ['hwp', 'hwpump']);
words(['tower'], ['ct', 'clt', 'tower', 'towers', 'twr', 'cooltower', 'ctwr', 'cltwr', 'clgtwr', 'cooltwr', 'tow', 'ctower']);
words(['header'], ['hdr', 'header', 'headers', 'manifold']);
words(['main'], ['main', 'mains', 'incomer']);
words(['valve'], ['valve', 'vlv', 'vlve', 'cv', 'fcv', 'tcv', 'pcv', 'fv', 'tv', 'damper', 'dmp']);
words(['bypass'], ['byp', 'bypass', 'bps', 'bp']);
words(['coil'], ['coil', 'coils', 'cc', 'ccoil']);
words(['ahu'], ['ahu', 'ahus', 'rtu', 'airhandler']);
words(['boiler'], ['boiler', 'blr', 'boil']);
words(['hx'], ['hx', 'phe', 'phx', 'exchanger', 'hex']);
words(['tank'], ['tank', 'tk', 'vessel', 'et']);
words(['vfd'], ['vfd', 'vsd', 'drive', 'inverter', 'inv']);
words(['compressor'], ['compressor', 'comp', 'cmp', 'compr']);
words(['filter'], ['filter', 'strainer', 'str']);
words(['plant'], ['plant', 'plt', 'system', 'sys', 'cup']);
words(['building'], ['building', 'bldg', 'bld']);
words(['total'], ['total', 'tot', 'sum', 'overall', 'whole']);
words(['loop'], ['loop', 'lp', 'circuit', 'ckt']);
words(['meter'], ['meter', 'em']);

// Circuits and sides
words(['chw'], ['chw', 'chilled', 'chwater', 'chwtr']);
words(['cw'], ['cw', 'cdw', 'condw', 'cwtr', 'tw']);
words(['hw'], ['hw', 'hot', 'lthw', 'hhw']);
words(['water'], ['water', 'wtr', 'h2o']);
words(['air'], ['air']);
words(['chw', 'supply'], ['chws', 'chwsup', 'pchws']);
words(['chw', 'return'], ['chwr', 'chwret', 'pchwr']);
words(['cw', 'supply'], ['cws', 'cdws', 'cnds', 'cwsup']);
words(['cw', 'return'], ['cwr', 'cdwr', 'cndr', 'cwret']);
words(['hw', 'supply'], ['hws']);
words(['hw', 'return'], ['hwr']);
words(['chw', 'supply', 'temperature'], ['chwst', 'chwstemp', 'chwsupt', 'chwst1']);
words(['chw', 'return', 'temperature'], ['chwrt', 'chwrtemp', 'chwret_t']);
words(['cw', 'supply', 'temperature'], ['cwst', 'cdwst', 'cwstemp']);
words(['cw', 'return', 'temperature'], ['cwrt', 'cdwrt', 'cwrtemp']);
words(['leaving', 'chw', 'temperature'], ['lchwt', 'lchw', 'chwlt', 'lwt_chw', 'evaplwt']);
words(['entering', 'chw', 'temperature'], ['echwt', 'echw', 'chwet', 'evapewt']);
words(['leaving', 'cw', 'temperature'], ['lcwt', 'lcdwt', 'lcndwt', 'cwlt', 'condlwt']);
words(['entering', 'cw', 'temperature'], ['ecwt', 'ecdwt', 'ecndwt', 'cwet', 'condewt']);
words(['leaving', 'temperature'], ['lwt', 'lvgt']);
words(['entering', 'temperature'], ['ewt', 'entt']);
words(['supply'], ['supply', 'sup', 'sply', 'spl', 'sply', 'supp', 's', 'sa']);
words(['return'], ['return', 'ret', 'rtn', 'rtrn', 'r', 'ra']);
words(['leaving'], ['leaving', 'leave', 'lvg', 'lv', 'out', 'outlet', 'outgoing', 'l']);
words(['entering'], ['entering', 'enter', 'ent', 'in', 'inlet', 'incoming', 'e']);
words(['evap'], ['evap', 'evaporator', 'evp', 'ev', 'evapor']);
words(['cond'], ['cond', 'condenser', 'condensor', 'cdsr', 'cnd']);
words(['saturation'], ['sat', 'satur', 'saturation', 'saturated', 'satd']);
words(['cond', 'saturation', 'temperature'], ['sct', 'condsat', 'cst']);
words(['evap', 'saturation', 'temperature'], ['sst', 'evapsat', 'est']);
words(['outdoor'], ['outdoor', 'outside', 'ambient', 'amb', 'oa', 'ext', 'external', 'weather', 'wx']);
words(['outdoor', 'air', 'temperature'], ['oat', 'oadb', 'odt', 'osat', 'oatemp']);
words(['outdoor', 'wetbulb'], ['oawb', 'owb', 'oawbt', 'owbt']);
words(['wetbulb'], ['wb', 'wetbulb', 'wbt']);
words(['basin'], ['basin', 'sump', 'pan']);
words(['fan'], ['fan', 'fans', 'fn']);
words(['suction'], ['suction', 'suct', 'suc']);
words(['discharge'], ['discharge', 'disch', 'dis', 'dsch']);
words(['primary'], ['primary', 'pri', 'prim']);
words(['secondary'], ['secondary', 'sec', 'scnd']);
words(['motor'], ['motor', 'mot', 'mtr']);

// Measures
words(['temperature'], ['t', 'temp', 'tmp', 'temperature', 'tt', 'degc', 'degf', 'deg', 'tempc', 'tempf']);
words(['power'], ['kw', 'kwatts', 'power', 'pwr', 'watts', 'w', 'demand', 'jt', 'kilowatts', 'mw']);
words(['energy'], ['kwh', 'energy', 'mwh', 'consumption']);
words(['current'], ['amps', 'amp', 'a', 'current', 'curr', 'cur', 'fla', 'it', 'i']);
words(['speed'], ['spd', 'speed', 'hz', 'freq', 'frequency', 'rpm', 'vfdspd', 'velocity']);
// HVAC names write supply and return temperature as ST and RT (CHW_ST); speed transmitters are found by their tag.
words(['supply', 'temperature'], ['st', 'stemp']);
words(['return', 'temperature'], ['rt', 'rtemp']);
words(['status'], ['sts', 'stat', 'status', 'run', 'running', 'onoff', 'state', 'ss', 'prf', 'proof', 'runsts', 'yi', 'rs']);
words(['alarm'], ['alm', 'alarm', 'flt', 'fault', 'trip', 'fail', 'failure']);
words(['command'], ['cmd', 'command', 'op', 'output', 'sig']);
words(['position'], ['pos', 'position', 'posn', 'fb', 'feedback', 'zt', 'opening']);
words(['setpoint'], ['sp', 'spt', 'stpt', 'setpoint', 'setpt', 'set', 'setp', 'target', 'tgt']);
words(['flow'], ['flow', 'flw', 'f', 'gpm', 'lps', 'fl', 'ft', 'flowrate', 'm3h', 'cfm']);
words(['dp'], ['dp', 'dpt', 'pdt', 'dpress', 'differential', 'deltap', 'diffp', 'dpr', 'pd']);
words(['pressure'], ['press', 'pressure', 'prs', 'pres', 'psi', 'psig', 'kpa', 'bar', 'pt', 'p']);
words(['level'], ['level', 'lvl', 'lt', 'lev']);
words(['load'], ['load', 'tons', 'ton', 'tonnage', 'capacity', 'cap', 'btu', 'clg']);
words(['humidity'], ['rh', 'humidity', 'hum']);

/** Words that say nothing about what or where (point types, filler). */
export const FILLER = new Set([
  'value',
  'val',
  'pv',
  'av',
  'ai',
  'ao',
  'bi',
  'bo',
  'bv',
  'mv',
  'present',
  'point',
  'pnt',
  'sensor',
  'sens',
  'meas',
  'measured',
  'measurement',
  'reading',
  'actual',
  'act',
  'of',
  'the',
  'and',
  'at',
  'to',
  'no',
  'nr',
  'num',
  'number',
  'unit',
  'input',
  'analog',
  'digital',
  'raw',
  'data',
  'indication',
  'ind',
  'transmitter',
  'tx',
  'cell',
  'train',
  'centrifugal',
  'from',
  'after',
  'before',
  'for',
  'aggregate',
  'redundant',
  'backup',
  'bkp',
  'standby',
  'alt',
  'panel',
  'reported',
  'percent',
  'pct',
  'rate',
  'mode',
  'c',
  'k',
  'control',
  'ctrl',
  'reset',
  'minimum',
  'min',
  'maximum',
  'max',
  'low',
  'high',
  'hi',
  'lo',
  'avg',
  'average',
  'via',
  'on',
  'controller',
  'signal',
]);

/** Two-word phrases that mean more together ("chilled water", "wet bulb"), checked before single words. */
export const PHRASES: Record<string, readonly string[]> = {
  'chilled water': ['chw'],
  'condenser water': ['cw'],
  'cond water': ['cw'],
  'condensing water': ['cw'],
  'cooling water': ['cw'],
  'hot water': ['hw'],
  'heating water': ['hw'],
  'wet bulb': ['wetbulb'],
  'dry bulb': ['temperature'],
  'outdoor air': ['outdoor', 'air'],
  'outside air': ['outdoor', 'air'],
  'cooling tower': ['tower'],
  'set point': ['setpoint'],
  'run status': ['status'],
  'differential pressure': ['dp'],
  'delta p': ['dp'],
  'diff press': ['dp'],
  'diff pressure': ['dp'],
  'differential press': ['dp'],
  'delta press': ['dp'],
  'delta pressure': ['dp'],
  'dp press': ['dp'],
  'air handler': ['ahu'],
  'air handling': ['ahu'],
  'heat exchanger': ['hx'],
  'expansion tank': ['tank'],
  'supply air': ['supply', 'air'],
  'return air': ['return', 'air'],
  'power meter': ['meter', 'power'],
  'chiller plant': ['plant'],
  'chilled water plant': ['plant'],
  'central plant': ['plant'],
};

/** A single letter glued to a number names equipment (`P2` pump 2, `V3` valve 3); alone it means something else. */
export const GLUED_LETTERS: Record<string, readonly string[]> = { p: ['pump'], v: ['valve'], k: ['compressor'], e: ['hx'] };

/** The concepts of one word, or undefined for a word this vocabulary does not know. */
export function conceptsOfWord(word: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(W, word) ? W[word] : undefined;
}

/** Whether a word is known, as a concept word or as filler. */
export function isKnownWord(word: string): boolean {
  return conceptsOfWord(word) !== undefined || FILLER.has(word);
}
