// <sudia-indicator indicator="people-made-aware" lang="en"></sudia-indicator>: one indicator of the Plan Sud IA on a
// partner's page, its measured figure (and its progress where the plan sets a target), read from the impact API.
(() => {
  'use strict';
  if (customElements.get('sudia-indicator')) return;
  const script = document.currentScript;
  const origin = script ? new URL(script.src, location.href) : new URL(location.href);
  const defaultApi = new URL('/api/impact/v1', origin).toString();
  const dashboard = new URL('/impact/', origin).toString();
  const texts = {
    fr: { loading: 'Chargement…', failed: 'Indicateur indisponible.', measured: 'mesuré par la plateforme', target: 'de l’objectif',
      more: 'Tous les indicateurs du Plan Sud IA (nouvelle fenêtre)' },
    en: { loading: 'Loading…', failed: 'Indicator unavailable.', measured: 'measured by the platform', target: 'of the target',
      more: 'All the indicators of the Plan Sud IA (new window)' },
  };
  const style = `
    :host { display: block; font-family: var(--sudia-font, system-ui, sans-serif); color: var(--sudia-text, #1b1b1b); }
    section { border: 1px solid var(--sudia-border, #c8cdd2); border-radius: .5rem; padding: .75rem 1rem; background: var(--sudia-surface, #fff); }
    h2 { font-size: 1rem; margin: 0 0 .25rem; color: var(--sudia-accent, #005a9c); }
    .value { font-size: 1.75rem; font-weight: 700; margin: 0; }
    .note { font-size: .85rem; margin: .25rem 0; color: var(--sudia-muted, #4a4a4a); }
    progress { width: 100%; accent-color: var(--sudia-accent, #005a9c); }
    a { color: var(--sudia-accent, #005a9c); font-size: .85rem; }
    a:focus-visible { outline: 3px solid var(--sudia-focus, #b8004d); outline-offset: 2px; }`;

  class SudiaIndicator extends HTMLElement {
    connectedCallback() {
      const lang = (this.getAttribute('lang') || document.documentElement.lang || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
      const t = texts[lang];
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      const section = document.createElement('section');
      section.setAttribute('lang', lang);
      section.setAttribute('part', 'container');
      const live = document.createElement('p');
      live.setAttribute('role', 'status');
      live.className = 'note';
      live.textContent = t.loading;
      section.append(live);
      const css = document.createElement('style');
      css.textContent = style;
      root.replaceChildren(css, section);
      const api = this.getAttribute('api') || defaultApi;
      const id = this.getAttribute('indicator') || 'people-made-aware';
      fetch(`${api}/open-data/indicators/${encodeURIComponent(id)}.json`, { headers: { Accept: 'application/json' } })
        .then((response) => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
        .then((figures) => {
          const numbers = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 });
          const heading = document.createElement('h2');
          heading.setAttribute('part', 'name');
          heading.textContent = figures.name[lang];
          const value = document.createElement('p');
          value.className = 'value';
          value.setAttribute('part', 'value');
          const data = document.createElement('data');
          data.value = String(figures.measured.value);
          data.textContent = numbers.format(figures.measured.value);
          value.append(data);
          const note = document.createElement('p');
          note.className = 'note';
          note.textContent = t.measured;
          section.replaceChildren(heading, value, note);
          if (figures.progress) {
            const ratio = Number(figures.progress.ratio);
            const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
            const label = document.createElement('p');
            label.className = 'note';
            label.id = 'target';
            label.textContent = `${percent} ${t.target} (${numbers.format(figures.progress.target.value)})`;
            const bar = document.createElement('progress');
            bar.max = 1;
            bar.value = Math.min(ratio, 1);
            bar.setAttribute('aria-labelledby', 'target');
            section.append(label, bar);
          }
          const more = document.createElement('a');
          more.href = `${dashboard}?lang=${lang}`;
          more.target = '_blank';
          more.rel = 'noopener';
          more.textContent = t.more;
          more.setAttribute('part', 'link');
          section.append(more);
        })
        .catch(() => { live.textContent = t.failed; });
    }
  }
  customElements.define('sudia-indicator', SudiaIndicator);
})();
