// The public dashboard of the Plan Sud IA's indicators: every figure comes from the impact API, measured and declared
// figures apart, each chart with a table that says the same.
(() => {
  'use strict';
  const api = document.querySelector('meta[name="sudia-api"]').content;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const texts = {
    fr: {
      loading: 'Chargement des indicateurs…', loaded: 'Indicateurs chargés.', failed: 'Les indicateurs n’ont pas pu être chargés.',
      measured: 'Mesuré par la plateforme', declared: 'Déclaré', source: 'source', target: 'Objectif du plan',
      progress: 'Progression vers l’objectif', noTarget: 'Le plan ne fixe pas d’objectif chiffré.',
      period: 'Période', value: 'Valeur', department: 'Département', total: 'Total',
      seriesCaption: (name) => `${name} : valeurs mesurées par année`, noData: 'Aucune valeur mesurée pour l’instant.',
      departmentsCaption: (name) => `${name} : valeurs mesurées par département`, unknown: 'Non renseigné',
      noDepartments: (name) => `L’indicateur « ${name} » n’est pas ventilé par département.`,
      units: { people: 'personnes', calls: 'appels', companies: 'entreprises', labels: 'labels', laureates: 'lauréats',
        organizations: 'organisations', places: 'lieux', sessions: 'séances', EUR: '€' },
    },
    en: {
      loading: 'Loading the indicators…', loaded: 'Indicators loaded.', failed: 'The indicators could not be loaded.',
      measured: 'Measured by the platform', declared: 'Declared', source: 'source', target: 'Target of the plan',
      progress: 'Progress towards the target', noTarget: 'The plan sets no figure to reach.',
      period: 'Period', value: 'Value', department: 'Department', total: 'Total',
      seriesCaption: (name) => `${name}: measured values by year`, noData: 'No measured value yet.',
      departmentsCaption: (name) => `${name}: measured values by department`, unknown: 'Not given',
      noDepartments: (name) => `The indicator “${name}” is not broken down by department.`,
      units: { people: 'people', calls: 'calls', companies: 'companies', labels: 'labels', laureates: 'laureates',
        organizations: 'organizations', places: 'places', sessions: 'sessions', EUR: '€' },
    },
  }[lang];
  const numbers = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  const status = document.getElementById('status');
  let chart;

  const element = (name, attributes = {}, ...children) => {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  };
  const unit = (code) => texts.units[code] || code;
  const day = (iso) => iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString(lang, { year: 'numeric', month: 'short', day: 'numeric' }) : '…';

  async function get(path) {
    const response = await fetch(api + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  function figureCard({ indicator, figures }) {
    const name = indicator.name[lang];
    const measured = element('p', { class: 'measured' },
      element('data', { value: String(figures.measured.value) }, numbers.format(figures.measured.value)), ' ',
      element('span', { class: 'unit' }, unit(figures.unit)));
    const card = element('article', { class: 'figure', 'data-indicator': indicator.id },
      element('h3', {}, name), element('p', { class: 'note' }, texts.measured), measured);
    for (const declared of figures.declared) {
      card.append(element('p', { class: 'declared', 'data-declared': String(declared.value) },
        `${texts.declared} : ${numbers.format(declared.value)} ${unit(declared.unit)} (${day(declared.periodStart)} – `
          + `${day(declared.periodEnd)}, ${(lang === 'en' ? declared.scopeEn : declared.scopeFr) || ''}; ${texts.source} : ${declared.source})`));
    }
    if (figures.progress) {
      const progress = figures.progress;
      const id = `progress-${indicator.id}`;
      card.append(
        element('p', { class: 'target', id }, `${texts.target} : ${numbers.format(progress.target.value)} ${unit(progress.target.unit)} `
          + `(${day(progress.target.periodStart)} – ${day(progress.target.periodEnd)}) · ${percent.format(progress.ratio)}`),
        element('progress', { max: '1', value: String(Math.min(Number(progress.ratio), 1)), 'aria-labelledby': id,
          'aria-valuetext': percent.format(progress.ratio) }));
    } else {
      card.append(element('p', { class: 'target' }, texts.noTarget));
    }
    return card;
  }

  function fillTable(table, caption, headers, rows) {
    table.querySelector('caption').textContent = caption;
    table.querySelector('thead').replaceChildren(element('tr', {},
      ...headers.map((header, i) => element('th', { scope: 'col', class: i > 0 ? 'number' : '' }, header))));
    table.querySelector('tbody').replaceChildren(...rows.map(([label, value]) => element('tr', {},
      element('th', { scope: 'row' }, label), element('td', { class: 'number', 'data-value': String(value) }, numbers.format(value)))));
  }

  async function showSeries(entry) {
    const name = entry.indicator.name[lang];
    const series = await get(`/indicators/${encodeURIComponent(entry.indicator.id)}/series?period=year`);
    const rows = series.points.map((point) => [point.period, point.value]);
    fillTable(document.getElementById('series-table'), rows.length ? texts.seriesCaption(name) : `${texts.seriesCaption(name)} — ${texts.noData}`,
      [texts.period, `${texts.value} (${unit(series.unit)})`], rows);
    if (window.echarts) {
      chart = chart || window.echarts.init(document.getElementById('chart'), null, { renderer: 'svg', locale: lang === 'en' ? 'EN' : 'FR' });
      chart.setOption({
        aria: { enabled: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: rows.map((row) => row[0]) },
        yAxis: { type: 'value', name: unit(series.unit) },
        series: [{ type: 'bar', name, data: rows.map((row) => row[1]), itemStyle: { color: '#005a9c' } }],
      }, true);
      document.getElementById('chart').setAttribute('aria-label', texts.seriesCaption(name));
    }
    const departments = document.getElementById('departments-table');
    if (!entry.indicator.breakdowns.includes('department')) {
      fillTable(departments, texts.noDepartments(name), [texts.department, texts.value], []);
      return;
    }
    const byDepartment = await get(`/indicators/${encodeURIComponent(entry.indicator.id)}/series?period=year&breakdown=department`);
    const totals = new Map();
    for (const point of byDepartment.points) {
      const key = point.key || texts.unknown;
      totals.set(key, (totals.get(key) || 0) + point.value);
    }
    fillTable(departments, texts.departmentsCaption(name), [texts.department, `${texts.value} (${unit(byDepartment.unit)})`],
      [...totals.entries()].sort((a, b) => a[0].localeCompare(b[0])));
  }

  async function main() {
    status.textContent = texts.loading;
    try {
      const dataset = await get('/open-data/indicators.json');
      const entries = dataset.indicators;
      document.getElementById('apart').textContent = entries.length ? entries[0].figures.note : '';
      document.getElementById('figures').replaceChildren(...entries.map(figureCard));
      const select = document.getElementById('indicator');
      select.replaceChildren(...entries.map((entry) => element('option', { value: entry.indicator.id }, entry.indicator.name[lang])));
      select.addEventListener('change', () => showSeries(entries.find((entry) => entry.indicator.id === select.value)));
      if (entries.length) await showSeries(entries[0]);
      window.addEventListener('resize', () => chart && chart.resize());
      status.textContent = texts.loaded;
      document.body.dataset.ready = 'true';
    } catch (error) {
      status.textContent = texts.failed;
      throw error;
    }
  }
  main();
})();
