// The Teams "My leads" personal tab: one page, no build step. Inside Teams it signs the person in
// with Teams SSO (TeamsJS getAuthToken) and shows their leads from /api/tabs/my-leads. In
// development (?user=alice, Teams sign-in off on the server) it asks for that user's leads
// directly and never loads the SDK, so it works outside Teams and without the CDN.
"use strict";

// TeamsJS v2 from Microsoft's CDN, pinned to the hash Microsoft publishes for this version.
const TEAMS_SDK = {
  src: "https://res.cdn.office.net/teams-js/2.58.0/js/MicrosoftTeams.min.js",
  integrity: "sha384-sMo/EOqQPa1OCup2/VBRum7oFeOS22kvs8WGDc45xK53tUVZzFR5WwFYDUYN1LO4",
};
// Outside Teams the SDK's initialize never answers; after this long the page says where to open it.
const TEAMS_TIMEOUT_MS = 8000;

const params = new URLSearchParams(location.search);
const devUser = params.get("user");
const title = document.getElementById("title");
const who = document.getElementById("who");
const refreshButton = document.getElementById("refresh");
const statusLine = document.getElementById("status");
const table = document.getElementById("leads");
const more = document.getElementById("more");
let language = pickLanguage(params.get("lang") || navigator.language);
let teams = null;

function pickLanguage(locale) {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

// Both languages side by side, as the bot's replies are written.
function say(zh, en) {
  return language === "zh" ? zh : en;
}

const HEADINGS = {
  number: () => say("编号", "Lead"),
  name: () => say("客户", "Name"),
  company: () => say("公司", "Company"),
  stage: () => say("阶段", "Stage"),
  next: () => say("下次跟进", "Next follow-up"),
  last: () => say("上次跟进", "Last follow-up"),
};

function stageWord(stage) {
  switch (stage) {
    case "new": return say("新线索", "new");
    case "contacted": return say("已联系", "contacted");
    case "qualified": return say("需求确认", "qualified");
    case "proposal": return say("方案报价", "proposal");
    case "negotiation": return say("商务谈判", "negotiation");
    case "won": return say("赢单", "won");
    case "lost": return say("输单", "lost");
    default: return stage;
  }
}

function showHeadings() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  title.textContent = say("我的线索", "My leads");
  document.title = say("我的线索", "My leads") + " · ChatCrm";
  refreshButton.textContent = say("刷新", "Refresh");
  for (const heading of table.querySelectorAll("th[data-text]")) {
    heading.textContent = HEADINGS[heading.dataset.text]();
  }
}

function showStatus(text, isProblem) {
  statusLine.textContent = text;
  statusLine.classList.toggle("problem", Boolean(isProblem));
}

function showProblem(text) {
  table.hidden = true;
  more.hidden = true;
  showStatus(text, true);
}

// Times come on the organisation's clock ("2026-11-25T00:00:00+08:00"); midnight is a date-only plan.
function moment(value) {
  const day = value.slice(0, 10);
  const time = value.slice(11, 16);
  return { day, text: time === "00:00" ? day : day + " " + time };
}

function addCell(row, text, className) {
  const cell = row.insertCell();
  cell.textContent = text;
  if (className) {
    cell.className = className;
  }
  return cell;
}

function addNextFollowUp(row, value, today) {
  if (!value) {
    return addCell(row, say("未安排", "not planned"), "when none");
  }
  const next = moment(value);
  const cell = addCell(row, next.text, "when");
  if (next.day <= today) {
    const badge = document.createElement("span");
    badge.className = next.day < today ? "due overdue" : "due";
    badge.textContent = next.day < today ? say("已逾期", "overdue") : say("今天", "today");
    cell.appendChild(badge);
  }
  return cell;
}

function showLeads(view) {
  who.textContent = view.name;
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const lead of view.leads) {
    const row = body.insertRow();
    addCell(row, lead.number, "number");
    addCell(row, lead.name);
    addCell(row, lead.company || "—", lead.company ? "" : "none");
    const stage = document.createElement("span");
    stage.className = "stage " + lead.stage;
    stage.textContent = stageWord(lead.stage);
    row.insertCell().appendChild(stage);
    addNextFollowUp(row, lead.nextFollowUpAt, view.today);
    if (lead.lastFollowUpAt) {
      addCell(row, moment(lead.lastFollowUpAt).text, "when");
    } else {
      addCell(row, say("尚未跟进", "none yet"), "when none");
    }
  }

  table.hidden = view.leads.length === 0;
  if (view.leads.length === 0) {
    showStatus(say("你还没有线索。有线索分配给你时,机器人会在聊天里告诉你。",
      "You have no leads yet. When one is assigned to you, the bot will tell you in chat."), false);
  } else {
    showStatus(say("共 " + view.total + " 条线索,下次跟进最近的在前。",
      (view.total === 1 ? "1 lead" : view.total + " leads") + ", soonest follow-up first."), false);
  }
  more.hidden = view.total <= view.leads.length;
  more.textContent = say("这里列出前 " + view.leads.length + " 条;其余的可以在聊天里问机器人。",
    "Showing the first " + view.leads.length + "; ask the bot in chat for the rest.");
}

function problemText(answer, status) {
  if (answer && answer.errors) {
    return Object.values(answer.errors).flat().join(" ");
  }
  return (answer && (answer.detail || answer.title)) || ("HTTP " + status);
}

function signInFailed() {
  showProblem(say("无法通过 Teams 登录。请刷新此页;如果仍然不行,请联系管理员检查 ChatCrm 应用的单点登录设置。",
    "We couldn't sign you in through Teams. Please reload the tab; if it keeps happening, ask your admin to check the ChatCrm app's single sign-on."));
}

async function loadLeads(token) {
  const url = "../api/tabs/my-leads" + (devUser ? "?user=" + encodeURIComponent(devUser) : "");
  let response;
  let answer = null;
  try {
    response = await fetch(url, { headers: token ? { Authorization: "Bearer " + token } : {}, cache: "no-store" });
    answer = await response.json();
  } catch {
    // No answer, or not JSON (a proxy's error page): said below.
  }

  if (response && response.ok && answer) {
    if (devUser && !params.get("lang")) {
      // Outside Teams there is no Teams locale: read the language the person chose in the CRM.
      language = pickLanguage(answer.language);
      showHeadings();
    }
    showLeads(answer);
  } else if (response && response.status === 401) {
    signInFailed();
  } else if (response && response.status === 403 && answer && answer.deactivated) {
    showProblem(say("你的 ChatCrm 账号已停用,如有疑问请联系管理员。", "Your ChatCrm account has been deactivated; please contact your admin."));
  } else if (response && response.status === 403) {
    showProblem(say("抱歉,你还不是 ChatCrm 的用户,请联系管理员开通。",
      "Sorry, you're not a ChatCrm user yet. Please ask your admin to add you."));
  } else if (response && response.status === 400) {
    showProblem(problemText(answer, response.status));
  } else {
    cannotLoad();
  }
  refreshButton.hidden = false;
}

function cannotLoad() {
  showProblem(say("抱歉,现在加载不了你的线索,请稍后再试。",
    "Sorry, your leads can't be loaded right now. Please try again in a moment."));
}

function loadScript(source) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = source.src;
    script.integrity = source.integrity;
    script.crossOrigin = "anonymous";
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + source.src));
    document.head.appendChild(script);
  });
}

function withTimeout(promise, milliseconds) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), milliseconds))]);
}

function applyTheme(theme) {
  document.body.classList.toggle("dark", theme === "dark" || theme === "contrast");
}

async function refreshInTeams() {
  let token;
  try {
    token = await teams.authentication.getAuthToken();
  } catch {
    signInFailed();
    refreshButton.hidden = false;
    return;
  }
  await loadLeads(token);
}

async function startInTeams() {
  const openInTeams = () => showProblem(say("请在 Teams 的 ChatCrm 应用里打开这一页。", "Please open this page from the ChatCrm app in Teams."));
  try {
    await loadScript(TEAMS_SDK);
    teams = window.microsoftTeams;
    await withTimeout(teams.app.initialize(), TEAMS_TIMEOUT_MS);
  } catch {
    openInTeams();
    return;
  }

  const context = await teams.app.getContext();
  language = pickLanguage(params.get("lang") || (context.app && context.app.locale));
  applyTheme(context.app && context.app.theme);
  teams.app.registerOnThemeChangeHandler(applyTheme);
  showHeadings();
  showStatus(say("正在加载…", "Loading…"), false);
  await refreshInTeams();
  try {
    // Teams keeps its loading indicator up until told (when the manifest asks for one).
    await teams.app.notifySuccess();
  } catch {
    // Without a loading indicator there is nothing to tell.
  }
}

refreshButton.addEventListener("click", () => (devUser ? loadLeads(null) : refreshInTeams()));

showHeadings();
showStatus(say("正在加载…", "Loading…"), false);
if (devUser) {
  loadLeads(null);
} else {
  // Whatever Teams fails at after initializing, the person reads a sentence, not an endless "Loading…".
  startInTeams().catch(cannotLoad);
}
