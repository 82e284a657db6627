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
            el('p', { className: 'owners', text: `Owned by ${text(area.owners)}` }),
            el('div', { className: 'badges' }, list(area.badges).map((badge) => el('span', { className: 'badge', text: text(badge) }))),
          ]),
          el('p', { className: 'share' }, [el('span', { className: 'share-value', text: text(area.share) }), el('span', { className: 'share-label', text: 'your share now' })]),
        ]),
        chartFigure(area.chart ?? {}),
        el('p', { className: 'detail', text: text(area.detail) }),
        area.knowledge && el('p', { className: area.soleKnown ? 'knowledge sole' : 'knowledge', text: text(area.knowledge) }),
        list(area.shadow).length > 0 && el('ul', { className: 'shadow' }, list(area.shadow).map((line) => el('li', { text: text(line) }))),
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

  /** @type {Record<string, string>} */
  const FOLLOW_UP_TEXT = { owners: 'the owners carried on', none: 'no change by the owners', open: 'the 60 days are still running' };

  /**
   * My dives of the year, one row per team area: a bar per dive, and after it the 60 days in
   * which the owners' follow-up counts, drawn solid when they carried on, hollow when they did
   * not, dashed while the 60 days run. Each bar is focusable and says all of that in words.
   * @param {any} timeline
   */
  function diveSection(timeline) {
    if (!timeline) return undefined;
    const width = 365;
    const ticks = list(timeline.ticks);
    const axis = svg('svg', { viewBox: `0 0 ${width} 12`, preserveAspectRatio: 'none', class: 'dive-axis', 'aria-hidden': 'true', focusable: 'false' });
    for (const tick of ticks) {
      const x = Math.max(0, Math.min(1, Number(tick.at) || 0)) * width;
      axis.appendChild(svg('line', { class: 'tick', x1: x, y1: 8, x2: x, y2: 12 }));
      const label = svg('text', { class: 'tick-label', x: x + 1, y: 7 });
      label.textContent = text(tick.label);
      axis.appendChild(label);
    }
    const descriptionId = `dives-${++ids}`;
    const rows = list(timeline.rows).map((row) => {
      const track = svg('svg', { viewBox: `0 0 ${width} 10`, preserveAspectRatio: 'none', class: 'dive-track', role: 'group', 'aria-label': `Dives into ${text(row.name)}` });
      track.appendChild(svg('line', { class: 'track', x1: 0, y1: 5, x2: width, y2: 5 }));
      list(row.bars).forEach((bar, i) => {
        const x = Math.max(0, Math.min(1, Number(bar.start) || 0)) * width;
        const barWidth = Math.max(2, (Number(bar.width) || 0) * width);
        const followUp = Math.max(0, (Number(bar.followUpWidth) || 0) * width);
        const kind = bar.followUp === 'owners' || bar.followUp === 'none' ? bar.followUp : 'open';
        const group = svg('g', { class: 'dive', tabindex: '0', role: 'img', 'aria-label': text(bar.label) });
        group.dataset.focus = `dive\u0000${text(row.folder)}\u0000${text(row.areaKey)}\u0000${i}`;
        const title = svg('title', {});
        title.textContent = `${text(bar.label)} (${FOLLOW_UP_TEXT[kind]})`;
        group.appendChild(title);
        if (followUp > 0) group.appendChild(svg('rect', { class: `follow-up follow-up-${kind}`, x: x + barWidth, y: 3, width: followUp, height: 4 }));
        group.appendChild(svg('rect', { class: 'dive-bar', x, y: 1, width: barWidth, height: 8 }));
        // Enter or Space on a dive opens the area's details, as its row's name does.
        group.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          vscode.postMessage({ type: 'open', target: 'why', folder: row.folder, areaKey: row.areaKey });
        });
        group.addEventListener('click', () => vscode.postMessage({ type: 'open', target: 'why', folder: row.folder, areaKey: row.areaKey }));
        track.appendChild(group);
      });
      return el('li', { className: 'dive-row' }, [
        areaButton(text(row.shortName), text(row.whyLabel), 'why', row, 'link dive-area', `dive-area\u0000${text(row.folder)}\u0000${text(row.areaKey)}`),
        track,
      ]);
    });
    return el('section', { className: 'dives', attrs: { 'aria-labelledby': `${descriptionId}-title` } }, [
      el('h3', { text: 'Dives into team areas, the last 365 days', attrs: { id: `${descriptionId}-title` } }),
      el('p', { text: text(timeline.summary) }),
      el('div', { className: 'dive-chart' }, [el('div', { className: 'dive-axis-row' }, [el('span'), axis]), el('ul', { className: 'dive-rows' }, rows)]),
      el('div', { className: 'legend', attrs: { 'aria-hidden': 'true' } }, [
        el('span', { className: 'swatch swatch-dive' }), el('span', { text: 'your dive' }),
        el('span', { className: 'swatch swatch-owners' }), el('span', { text: 'the owners carried on' }),
        el('span', { className: 'swatch swatch-none' }), el('span', { text: 'no change by the owners' }),
        el('span', { className: 'swatch swatch-open' }), el('span', { text: 'still running' }),
      ]),
      el('p', { className: 'visually-hidden', text: text(timeline.description), attrs: { id: descriptionId } }),
    ]);
  }

  /**
   * Where my hands-on time went: one stacked bar (plain SVG) with the sentence as its text
   * alternative, a legend with the counts, and the outlets that take nothing from a team.
   * @param {any} balance
   */
  function balanceSection(balance) {
    if (!balance) return undefined;
    const segments = list(balance.segments);
    const drawing = svg('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'balance-bar', role: 'img', 'aria-label': text(balance.sentence), focusable: 'false' });
    let x = 0;
    for (const segment of segments) {
      const share = Math.max(0, Math.min(1, Number(segment.fraction) || 0)) * 100;
      if (share <= 0) continue;
      const rect = svg('rect', { class: `balance-${text(segment.kind)}`, x, y: 0, width: share, height: 8 });
      const title = svg('title', {});
      title.textContent = `${count(segment.count)} ${text(segment.label)}`;
      rect.appendChild(title);
      drawing.appendChild(rect);
      x += share;
    }
    return el('section', { className: 'balance', attrs: { 'aria-labelledby': `balance-${++ids}` } }, [
      el('h3', { text: 'Where your hands-on time went', attrs: { id: `balance-${ids}` } }),
      count(balance.total) > 0 && drawing,
      el('ul', { className: 'legend balance-legend' }, segments.map((segment) => el('li', {}, [el('span', { className: `swatch swatch-${text(segment.kind)}`, attrs: { 'aria-hidden': 'true' } }), el('span', { text: `${text(segment.label)}: ${count(segment.count)}` })]))),
      el('p', { className: 'balance-sentence', text: text(balance.sentence) }),
      el('h4', { text: 'Hands warm, without taking the wheel' }),
      el('ul', { className: 'outlets' }, list(balance.outlets).map((outlet) => el('li', { text: text(outlet) }))),
    ]);
  }

  /** @param {unknown[]} handoffs */
  function handoffSection(handoffs) {
    if (handoffs.length === 0) return undefined;
    return el('section', { className: 'handoffs', attrs: { 'aria-labelledby': `handoffs-${++ids}` } }, [
      el('h3', { text: 'After your handoffs', attrs: { id: `handoffs-${ids}` } }),
      el('ul', {}, handoffs.map((/** @type {any} */ handoff) => el('li', { text: text(handoff.text) }))),
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
      handoffSection(list(folder.handoffs)),
      diveSection(folder.dives),
      balanceSection(folder.balance),
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
    const active = /** @type {HTMLElement | SVGElement | null} */ (document.activeElement);
    const focused = active && 'dataset' in active ? active.dataset.focus : undefined;
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
    if (focused) {
      for (const node of root.querySelectorAll('button, g.dive')) {
        if (/** @type {HTMLElement} */ (node).dataset.focus === focused) /** @type {HTMLElement} */ (node).focus();
      }
    }
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
