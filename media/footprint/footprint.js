// @ts-check
/**
 * The footprint webview. It receives the model (src/core/footprint/footprintModel.ts) from the
 * extension host as a message and draws it. Every string in the model comes from the repository
 * (area patterns, people's names, commit-derived reasons), so text is only ever set through
 * textContent and attributes, never parsed as HTML. No inline handlers: the CSP forbids them.
 */
(function () {
  // @ts-expect-error acquireVsCodeApi is defined by VS Code in webviews.
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('footprint'));
  const SVG = 'http://www.w3.org/2000/svg';
  let ids = 0;

  /**
   * @param {string} tag
   * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
   * @param {Array<Node | undefined | false>} [children]
   */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined) node.textContent = options.text;
    for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
    for (const child of children) if (child) node.appendChild(child);
    return node;
  }

  /** @param {string} tag @param {Record<string, string | number>} attrs */
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  }

  const text = (/** @type {unknown} */ value) => (typeof value === 'string' ? value : '');
  const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? value : []);
  const count = (/** @type {unknown} */ value) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

  /**
   * A real button that asks the host to open an area's handoff note or ownership details.
   * @param {string} label visible text @param {string} ariaLabel @param {'handoff' | 'why'} target
   * @param {{ folder: string, areaKey: string }} area @param {string} className @param {string} focusKey
   */
  function areaButton(label, ariaLabel, target, area, className, focusKey) {
    const button = el('button', { className, text: label, attrs: { type: 'button', 'aria-label': ariaLabel, title: ariaLabel } });
    button.dataset.focus = focusKey;
    button.addEventListener('click', () => vscode.postMessage({ type: 'open', target, folder: area.folder, areaKey: area.areaKey }));
    return button;
  }

  /**
   * The week-by-week chart: plain inline SVG, drawn here rather than with a charting library —
   * it is a dozen bars per area, a library would be a dependency to ship and audit, and most
   * need inline styles or eval that the CSP (rightly) forbids. Each bar is a week's changes,
   * its lower part mine; the text alternative is the model's description.
   * @param {any} chart
   */
  function chartFigure(chart) {
    const weeks = list(chart.weeks);
    const max = Math.max(1, count(chart.max));
    const height = 40;
    const slot = 10;
    const descriptionId = `chart-${++ids}`;
    const drawing = svg('svg', { viewBox: `0 0 ${Math.max(1, weeks.length) * slot} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-labelledby': descriptionId, focusable: 'false' });
    drawing.appendChild(svg('line', { class: 'baseline', x1: 0, y1: height - 0.25, x2: weeks.length * slot, y2: height - 0.25 }));
    weeks.forEach((week, i) => {
      const all = count(week.all);
      const mine = Math.min(all, count(week.mine));
      const group = svg('g', {});
      const title = svg('title', {});
      title.textContent = all === 0 ? `Week of ${text(week.label)}: no changes` : `Week of ${text(week.label)}: ${mine} of ${all} changes yours`;
      group.appendChild(title);
      const x = i * slot + 1.5;
      const allHeight = (all / max) * (height - 2);
      const mineHeight = (mine / max) * (height - 2);
      if (all === 0) group.appendChild(svg('rect', { class: 'bar-none', x, y: height - 1.5, width: slot - 3, height: 1.5 }));
      else {
        group.appendChild(svg('rect', { class: 'bar-others', x, y: height - allHeight, width: slot - 3, height: allHeight - mineHeight }));
        if (mine > 0) group.appendChild(svg('rect', { class: 'bar-mine', x, y: height - mineHeight, width: slot - 3, height: mineHeight }));
      }
      drawing.appendChild(group);
    });
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    return el('figure', { className: 'chart' }, [
      el('figcaption', { className: 'chart-title', text: 'Your share, week by week' }),
      drawing,
      el('div', { className: 'axis', attrs: { 'aria-hidden': 'true' } }, [el('span', { text: first ? text(first.label) : '' }), el('span', { text: last && last !== first ? text(last.label) : '' })]),
      el('div', { className: 'legend', attrs: { 'aria-hidden': 'true' } }, [
        el('span', { className: 'swatch swatch-mine' }), el('span', { text: 'yours' }),
        el('span', { className: 'swatch swatch-others' }), el('span', { text: 'others' }),
      ]),
      el('p', { className: 'visually-hidden', text: text(chart.description), attrs: { id: descriptionId } }),
    ]);
  }

  /** @param {any} area */
  function areaCard(area) {
    const focus = `${text(area.folder)}\u0000${text(area.areaKey)}`;
    const nameId = `area-${++ids}`;
    const suggestions = list(area.suggestions);
    return el('li', { className: 'area' }, [
      el('article', { attrs: { 'aria-labelledby': nameId } }, [
        el('div', { className: 'area-head' }, [
          el('div', { className: 'area-title' }, [
            el('h3', { attrs: { id: nameId } }, [areaButton(text(area.name), text(area.handoffLabel), 'handoff', area, 'link area-name', `name\u0000${focus}`)]),
            el('p', { className: 'owners', text: text(area.ownedBy) }),
            el('div', { className: 'badges' }, list(area.badges).map((badge) => el('span', { className: 'badge', text: text(badge) }))),
          ]),
          el('p', { className: 'share' }, [el('span', { className: 'share-value', text: text(area.share) }), el('span', { className: 'share-label', text: 'your share now' })]),
        ]),
        chartFigure(area.chart ?? {}),
        el('p', { className: 'detail', text: text(area.detail) }),
        area.knowledge && el('p', { className: area.soleKnown ? 'knowledge sole' : 'knowledge', text: text(area.knowledge) }),
        el('div', { className: 'people' }, [
          el('h4', { text: suggestions.length > 0 ? 'Pair with or hand off to' : 'Who could pick this up' }),
          suggestions.length > 0 &&
            el('ul', {}, suggestions.map((person) => el('li', {}, [el('strong', { text: text(person.name) }), el('span', { className: 'muted', text: ` — ${text(person.reason)}` })]))),
          area.suggestionsNote && el('p', { className: 'muted', text: text(area.suggestionsNote) }),
        ]),
        el('div', { className: 'actions' }, [
          areaButton('Write handoff note', text(area.handoffLabel), 'handoff', area, 'primary', `handoff\u0000${focus}`),
          areaButton('Ownership details', text(area.whyLabel), 'why', area, 'secondary', `why\u0000${focus}`),
        ]),
      ]),
    ]);
  }

  /** @param {string} title @param {unknown[]} areas */
  function quietList(title, areas) {
    if (areas.length === 0) return undefined;
    return el('section', { className: 'quiet' }, [
      el('h3', { text: title }),
      el('ul', {}, areas.map((/** @type {any} */ area) => el('li', {}, [
        el('span', { className: 'quiet-name', text: text(area.name) }),
        el('span', { className: 'muted', text: ` ${text(area.owners)} · ${text(area.note)}` }),
      ]))),
    ]);
  }

  /** @param {any} folder */
  function folderSection(folder) {
    const titleId = `folder-${++ids}`;
    const areas = list(folder.areas);
    return el('section', { className: 'folder', attrs: { 'aria-labelledby': titleId } }, [
      el('h2', { text: folder.name ? `Team areas in ${text(folder.name)}` : 'Team areas you work in', attrs: { id: titleId } }),
      areas.length > 0 ? el('ul', { className: 'areas' }, areas.map(areaCard)) : el('p', { className: 'muted', text: 'You made no changes in team-owned areas in this window, and no file of theirs is yours alone.' }),
      quietList('Areas that are yours', list(folder.ownAreas)),
      quietList('Other team areas', list(folder.quietAreas)),
    ]);
  }

  /** @param {any[]} assists */
  function assistSection(assists) {
    if (assists.length === 0) return undefined;
    return el('section', { className: 'assists', attrs: { 'aria-labelledby': 'assists-title' } }, [
      el('h2', { text: 'Active assists', attrs: { id: 'assists-title' } }),
      el('ul', {}, assists.map((assist) => el('li', {}, [
        el('span', { text: text(assist.text) }),
        assist.reason && el('span', { className: 'muted', text: ` — ${text(assist.reason)}` }),
        assist.canOpen && areaButton('Write handoff note', text(assist.handoffLabel), 'handoff', assist, 'secondary small', `assist\u0000${text(assist.folder)}\u0000${text(assist.areaKey)}`),
      ]))),
    ]);
  }

  /** @param {any} model */
  function render(model) {
    if (!model || typeof model !== 'object' || !Array.isArray(model.folders)) return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
    ids = 0;
    const notices = list(model.notices);
    const content = [
      el('header', {}, [
        el('h1', { text: 'Your footprint', attrs: { id: 'footprint-title' } }),
        el('p', { className: 'question', text: text(model.question) }),
        model.answer && el('p', { className: 'answer', text: text(model.answer) }),
      ]),
      notices.length > 0 && el('div', { className: 'notices', attrs: { role: 'status' } }, notices.map((notice) => el('p', { className: `notice notice-${text(notice.kind)}`, text: text(notice.text) }))),
      model.empty && el('p', { className: 'empty', text: text(model.empty) }),
      assistSection(list(model.assists)),
      ...list(model.folders).map(folderSection),
    ];
    root.replaceChildren(...content.filter((node) => node instanceof Node));
    // A re-render replaces every element: keep keyboard focus where it was.
    if (focused) for (const node of root.querySelectorAll('button')) if (node.dataset.focus === focused) node.focus();
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'model') return;
    // Kept by VS Code across hiding and window reloads, so the view comes back with content at once.
    vscode.setState({ model: message.model });
    render(message.model);
  });
  const saved = vscode.getState();
  if (saved && saved.model) render(saved.model);
  vscode.postMessage({ type: 'ready' });
})();
