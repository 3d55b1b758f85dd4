// The reports dashboard: the chat's metrics, numbers and charts for a period and a team, with each
// number's definition and the records behind it. Every number comes from /api/dashboard, which
// answers with the same use case as the chat.
"use strict";

(() => {
  const query = new URLSearchParams(location.search);
  const user = query.get("user");
  const words = {
    zh: {
      title: "报表", period: "统计期", from: "从", to: "到", team: "团队", allTeams: "我可见的全部",
      periods: { today: "今天", yesterday: "昨天", this_week: "本周", last_week: "上周", this_month: "本月", last_month: "上月", this_quarter: "本季度", last_quarter: "上季度", this_year: "今年", last_year: "去年" },
      loading: "正在计算……", asOf: (at) => `截至 ${at}`, definition: "定义", details: (n) => `明细(${n} 条)`,
      excluded: (n) => `已排除 ${n} 条测试/演示/内部数据`, change: "较上期", range: "统计期", scope: "范围",
      total: (n, shown) => `共 ${n} 条${n > shown ? `,列出前 ${shown} 条` : ""}`,
      columns: ["编号", "客户", "公司", "负责人", "阶段", "最近跟进", "说明"], failed: "无法加载:", export: "导出 Excel",
    },
    en: {
      title: "Reports", period: "Period", from: "From", to: "To", team: "Team", allTeams: "All I may see",
      periods: { today: "Today", yesterday: "Yesterday", this_week: "This week", last_week: "Last week", this_month: "This month", last_month: "Last month", this_quarter: "This quarter", last_quarter: "Last quarter", this_year: "This year", last_year: "Last year" },
      loading: "Working it out…", asOf: (at) => `As of ${at}`, definition: "Definition", details: (n) => `Details (${n})`,
      excluded: (n) => `${n} test, demo or internal records excluded`, change: "vs previous period", range: "Period", scope: "Scope",
      total: (n, shown) => `${n} records${n > shown ? `, first ${shown} listed` : ""}`,
      columns: ["Lead", "Name", "Company", "Owner", "Stage", "Last activity", "Detail"], failed: "Could not load:", export: "Export to Excel",
    },
  };
  let language = query.get("lang") === "en" ? "en" : "zh";
  let text = words[language];
  const el = (id) => document.getElementById(id);

  function params(extra) {
    const all = new URLSearchParams();
    if (user) all.set("user", user);
    all.set("lang", language);
    all.set("period", currentPeriod());
    if (el("team").value) all.set("team", el("team").value);
    for (const [key, value] of Object.entries(extra || {})) all.set(key, value);
    return all.toString();
  }

  function currentPeriod() {
    const from = el("from").value, to = el("to").value;
    return from && to ? `${from}..${to}` : el("period").value || "this_month";
  }

  function labels() {
    document.documentElement.lang = language;
    el("title").textContent = text.title;
    document.title = `ChatCrm · ${text.title}`;
    el("period-label").textContent = text.period;
    el("from-label").textContent = text.from;
    el("to-label").textContent = text.to;
    el("team-label").textContent = text.team;
    const period = el("period");
    if (period.options.length === 0) {
      for (const [key, name] of Object.entries(text.periods)) period.add(new Option(name, key, false, key === "this_month"));
    }
  }

  async function load() {
    el("status").textContent = text.loading;
    el("details").hidden = true;
    const response = await fetch(`/api/dashboard?${params()}`);
    const body = await response.json();
    if (!response.ok) {
      el("status").textContent = `${text.failed} ${body.title || response.status} ${body.detail || ""}`;
      el("cards").replaceChildren();
      return;
    }
    if (body.language !== language) {
      language = body.language;
      text = words[language];
      labels();
    }
    const team = el("team");
    if (team.options.length === 0) {
      team.add(new Option(text.allTeams, ""));
      for (const t of body.teams) team.add(new Option(t.name, t.key));
    }
    el("cards").replaceChildren(...body.metrics.map(card));
    el("status").textContent = text.asOf(body.asOf);
  }

  function card(metric) {
    const section = document.createElement("section");
    section.className = "card";
    section.dataset.metric = metric.id;
    section.setAttribute("aria-label", metric.name);
    const title = document.createElement("h2");
    title.textContent = `${metric.name} · v${metric.version}`;
    const value = document.createElement("p");
    value.className = "value";
    value.dataset.testid = "value";
    value.textContent = metric.value;
    section.append(title, value);
    for (const [label, content] of [[text.change, metric.change], [text.range, metric.range], [text.scope, metric.scope], ["", text.excluded(metric.excluded)]]) {
      if (!content) continue;
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = label ? `${label}: ${content}` : content;
      section.append(meta);
    }
    if (metric.parts.length > 0) {
      const list = document.createElement("ul");
      for (const part of metric.parts) {
        const item = document.createElement("li");
        item.textContent = `${part.label}: ${part.value}`;
        list.append(item);
      }
      section.append(list);
    }
    if (metric.chart) {
      const chart = document.createElement("img");
      chart.src = metric.chart;
      chart.alt = `${metric.name}: ${metric.value}`;
      section.append(chart);
    }
    const definition = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = text.definition;
    const line = document.createElement("p");
    line.textContent = metric.definition;
    definition.append(summary, line);
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text.details(metric.records);
    button.addEventListener("click", () => details(metric.id));
    section.append(definition, button);
    return section;
  }

  async function details(metric) {
    const response = await fetch(`/api/dashboard/details?${params({ metric })}`);
    const body = await response.json();
    const panel = el("details");
    if (!response.ok) {
      el("status").textContent = `${text.failed} ${body.title || response.status} ${body.detail || ""}`;
      return;
    }
    el("details-title").textContent = body.name;
    el("details-total").textContent = text.total(body.total, body.rows.length);
    el("details-total").dataset.total = body.total;
    el("details-export").href = body.export;
    el("details-export").textContent = text.export;
    const head = el("details-table").tHead;
    head.replaceChildren();
    const header = head.insertRow();
    for (const column of text.columns) {
      const th = document.createElement("th");
      th.textContent = column;
      header.append(th);
    }
    const rows = el("details-table").tBodies[0];
    rows.replaceChildren();
    for (const row of body.rows) {
      const tr = rows.insertRow();
      for (const value of [row.number, row.name, row.company, row.owner, row.stage, row.lastActivity, row.detail]) {
        tr.insertCell().textContent = value || "";
      }
    }
    panel.hidden = false;
    panel.scrollIntoView();
  }

  labels();
  for (const id of ["period", "team", "from", "to"]) el(id).addEventListener("change", load);
  load();
})();
