// The page's search, filters and sort. Plain JavaScript with no dependency, inlined in the page.
// The state lives in the URL query (?q=...&framework=PyTorch&from=2020&sort=year), so a view
// can be shared and survives a reload. Within a facet the values are alternatives (PyTorch or
// JAX); the search, the section, the facets and the year range must all hold. A value's count
// is the number of entries it would show with the other filters as they are.
'use strict';

/** Lower case without accents, so that "Sebastien" finds "Sébastien". */
function normalizeText(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function searchWords(query) {
  return normalizeText(query).split(/\s+/).filter(Boolean);
}

/** An object keyed by checkbox groups, which the config names: without a prototype, so that `__proto__` is a group like any other. */
function groupRecord() {
  return Object.create(null);
}

function yearOf(text) {
  return text && /^\d{1,4}$/.test(text.trim()) ? Number(text) : null;
}

/**
 * The state a URL query describes. `choices` is what the page offers: `groups`, a Map from each
 * checkbox group (section and facets) to its values, and `sorts`, the sort options. A value the
 * page does not offer is left out (one in another case is taken as the page spells it), so an old
 * or mistyped link never filters on something no checkbox shows; an unknown sort is the default.
 */
function readState(search, choices) {
  const params = new URLSearchParams(search);
  const selected = groupRecord();
  for (const [group, values] of choices.groups) {
    const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value]));
    selected[group] = [];
    for (const asked of params.getAll(group)) {
      const value = byLowerCase.get(asked.toLowerCase());
      if (value !== undefined && !selected[group].includes(value)) selected[group].push(value);
    }
  }
  const sort = (params.get('sort') || '').toLowerCase();
  return { q: params.get('q') || '', selected, from: yearOf(params.get('from')), to: yearOf(params.get('to')), sort: choices.sorts.includes(sort) ? sort : '', added: addedDay(params.get('added')) };
}

/** The URL query of a state ('' for the unfiltered page). */
function queryOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const group of Object.keys(state.selected)) for (const value of state.selected[group]) params.append(group, value);
  if (state.from !== null) params.set('from', String(state.from));
  if (state.to !== null) params.set('to', String(state.to));
  if (state.sort) params.set('sort', state.sort);
  if (state.added) params.set('added', state.added);
  const query = params.toString();
  return query ? '?' + query : '';
}

/**
 * Which entries the state shows, and each group value's count. An entry that fails only one
 * group's filter still counts for that group: choosing that value would show it.
 * Entries are { text, year, groups: { group: [values] } }.
 */
function evaluate(entries, state) {
  const words = searchWords(state.q);
  const active = Object.keys(state.selected).filter((group) => state.selected[group].length > 0);
  // Without a prototype: a value named like an Object property (`constructor`) counts from 0.
  const counts = Object.create(null);
  for (const group of Object.keys(state.selected)) counts[group] = Object.create(null);
  const shown = new Array(entries.length);
  let total = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    let failedGroup = null;
    let failures = 0;
    for (const word of words) {
      if (!entry.text.includes(word)) {
        failures = 2;
        break;
      }
    }
    if (failures === 0 && (state.from !== null || state.to !== null)) {
      if (entry.year === null || (state.from !== null && entry.year < state.from) || (state.to !== null && entry.year > state.to)) failures = 2;
    }
    if (failures === 0 && !addedSince(entry, state)) failures = 2;
    for (let at = 0; at < active.length && failures < 2; at++) {
      const group = active[at];
      const wanted = state.selected[group];
      if (!(entry.groups[group] || []).some((value) => wanted.includes(value))) {
        failedGroup = group;
        failures++;
      }
    }
    shown[index] = failures === 0;
    if (failures === 0) total++;
    if (failures >= 2) continue;
    for (const group of Object.keys(counts)) {
      if (failures === 1 && group !== failedGroup) continue;
      for (const value of entry.groups[group] || []) counts[group][value] = (counts[group][value] || 0) + 1;
    }
  }
  return { shown, counts, total };
}

/** Entry indexes in the order a sort asks for (catalog order breaks ties). */
function sortedOrder(entries, sort) {
  const order = entries.map((_, index) => index);
  const byYear = (direction) => (a, b) => {
    const ya = entries[a].year;
    const yb = entries[b].year;
    if (ya === yb) return a - b;
    if (ya === null) return 1;
    if (yb === null) return -1;
    return direction * (ya - yb);
  };
  if (sort === 'name') {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    order.sort((a, b) => collator.compare(entries[a].name, entries[b].name) || a - b);
  } else if (sort === 'year') order.sort(byYear(-1));
  else if (sort === 'year-asc') order.sort(byYear(1));
  else if (sort === 'added') order.sort(byAdded(entries));
  return order;
}

// The dates entries were added (in the page when it was built from the catalog's git history):
// the "added since" filter and the sort by date added. Days are YYYY-MM-DD, compared as text.

/** A day as the date field and the URL give it, or '' for anything else. */
function addedDay(text) {
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '';
}

/** The entry was added on or after the state's day (every entry passes when none is set). */
function addedSince(entry, state) {
  return !state.added || (entry.added !== null && entry.added >= state.added);
}

/** Newest first, entries without a date last, catalog order between equals. */
function byAdded(entries) {
  return (a, b) => {
    const da = entries[a].added;
    const db = entries[b].added;
    if (da === db) return a - b;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  };
}

function start() {
  const form = document.getElementById('site:controls');
  const status = document.getElementById('site:status');
  const empty = document.getElementById('site:empty');
  const search = document.getElementById('site:q');
  const from = document.getElementById('site:from');
  const to = document.getElementById('site:to');
  const sort = document.getElementById('site:sort');
  const addedInput = document.getElementById('site:added');
  const fieldsets = Array.from(form.querySelectorAll('fieldset.facet'));
  const groups = fieldsets.map((fieldset) => fieldset.dataset.key);
  const boxes = Array.from(form.querySelectorAll('fieldset.facet input[type=checkbox]'));
  const countOf = new Map(boxes.map((box) => [box, box.parentElement.querySelector('.count')]));
  const sections = Array.from(document.querySelectorAll('section.section')).map((element) => ({
    element,
    list: element.querySelector('.entries'),
    entries: [],
  }));
  const entries = [];
  for (const section of sections) {
    for (const element of section.list.children) {
      const entryGroups = groupRecord();
      entryGroups.section = [element.dataset.section];
      for (const group of groups) {
        const values = element.getAttribute('data-f-' + group);
        if (group !== 'section') entryGroups[group] = values ? values.split('\n') : [];
      }
      const parts = element.getElementsByClassName('v');
      let text = '';
      for (let index = 0; index < parts.length; index++) text += parts[index].textContent + ' ';
      const entry = { element, text: normalizeText(text), name: parts[0] ? parts[0].textContent.trim() : '', year: yearOf(element.dataset.year), added: addedDay(element.dataset.added) || null, groups: entryGroups };
      section.entries.push(entries.length);
      entries.push(entry);
    }
  }
  const choices = {
    groups: new Map(groups.map((group) => [group, boxes.filter((box) => box.name === group).map((box) => box.value)])),
    sorts: sort ? Array.from(sort.options, (option) => option.value) : [''],
  };
  let state = readState(location.search, choices);
  let appliedSort = '';

  function showState() {
    search.value = state.q;
    if (from) from.value = state.from === null ? '' : String(state.from);
    if (to) to.value = state.to === null ? '' : String(state.to);
    if (sort) sort.value = state.sort;
    if (addedInput) addedInput.value = state.added;
    for (const box of boxes) box.checked = (state.selected[box.name] || []).includes(box.value);
  }

  function update() {
    const result = evaluate(entries, state);
    for (let index = 0; index < entries.length; index++) {
      const hidden = !result.shown[index];
      if (entries[index].element.hidden !== hidden) entries[index].element.hidden = hidden;
    }
    for (const section of sections) {
      const hidden = !section.entries.some((index) => result.shown[index]);
      if (section.element.hidden !== hidden) section.element.hidden = hidden;
    }
    for (const box of boxes) {
      const text = '(' + (result.counts[box.name][box.value] || 0) + ')';
      const count = countOf.get(box);
      if (count.textContent !== text) count.textContent = text;
    }
    status.textContent = result.total + ' of ' + entries.length + ' entries';
    empty.hidden = result.total > 0;
    if (state.sort !== appliedSort) {
      for (const section of sections) {
        const order = sortedOrder(section.entries.map((index) => entries[index]), state.sort);
        const fragment = document.createDocumentFragment();
        for (const at of order) fragment.appendChild(entries[section.entries[at]].element);
        section.list.appendChild(fragment);
      }
      appliedSort = state.sort;
    }
    try {
      history.replaceState(null, '', location.pathname + queryOf(state) + location.hash);
    } catch {
      // Some browsers refuse to rewrite a file: URL; the page still works, the URL just does not follow.
    }
  }

  function readForm() {
    const selected = groupRecord();
    for (const group of groups) selected[group] = boxes.filter((box) => box.name === group && box.checked).map((box) => box.value);
    state = { q: search.value, selected, from: from ? yearOf(from.value) : null, to: to ? yearOf(to.value) : null, sort: sort ? sort.value : '', added: addedInput ? addedDay(addedInput.value) : '' };
    update();
  }

  function clear() {
    state = readState('', choices);
    state.sort = sort ? sort.value : '';
    showState();
    update();
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  // `input` fires for every kind of control here: keystrokes, checkboxes, the select.
  form.addEventListener('input', readForm);
  const clearButton = document.getElementById('site:clear');
  if (clearButton) clearButton.addEventListener('click', clear);
  // The empty result's box hides itself with its button: the focus goes on to the search.
  document.getElementById('site:clear-empty').addEventListener('click', () => {
    clear();
    search.focus();
  });
  // Back and forward between entries of this page (a jump to an anchor makes one): the URL is the state.
  window.addEventListener('popstate', () => {
    state = readState(location.search, choices);
    showState();
    update();
  });
  form.hidden = false;
  // The side column for the controls exists only once they are shown.
  document.documentElement.classList.add('scripted');
  const filters = document.getElementById('site:filters');
  const filtering = state.from !== null || state.to !== null || state.sort || state.added || groups.some((group) => state.selected[group].length > 0);
  if (filters && !filtering && window.matchMedia('(max-width: 48rem)').matches) filters.open = false;
  showState();
  update();
  // Showing the controls moved the entries: bring a linked entry back into view.
  const target = hashTarget();
  if (target) target.scrollIntoView();
  document.documentElement.dataset.ready = 'true';
  performance.mark('catalog-ready');
}

/** The element the URL's fragment names, if any (a malformed one names none). */
function hashTarget() {
  if (!location.hash) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

if (typeof document !== 'undefined') start();
