// The WeCom chat sidebar: one page, no build step. Inside WeCom it asks the JS-SDK which chat it sits
// beside (a customer, or a customer group) and shows the lead linked to that chat; every change is a
// turn posted to /api/sidebar/turn, answered as the bot answers in chat. After the development login
// the chat comes in the query (?contact= or ?group=) and the SDK is never loaded.
"use strict";

// WeCom's JS-SDK from its CDN, the version WeCom's "getting started" guide names.
const WECOM_SDK = "https://wwcdn.weixin.qq.com/node/open/js/wecom-jssdk-2.0.2.js";
// Outside WeCom the SDK's calls may never answer; after this long the page says where to open it.
const WECOM_TIMEOUT_MS = 8000;
const STAGES = ["new", "contacted", "qualified", "proposal", "negotiation", "won", "lost"];

const params = new URLSearchParams(location.search);
const devContext = params.get("contact") ? "contact:" + params.get("contact")
  : params.get("group") ? "group:" + params.get("group") : null;
const element = id => document.getElementById(id);
const statusLine = element("status");
const replies = element("replies");
let language = pickLanguage(params.get("lang") || navigator.language);
let context = null;
let view = null;
let busy = false;

function pickLanguage(locale) {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

// Both languages side by side, as the bot's replies are written.
function say(zh, en) {
  return language === "zh" ? zh : en;
}

const TEXT = {
  number: () => say("编号", "Lead"),
  stage: () => say("阶段", "Stage"),
  owner: () => say("负责人", "Owner"),
  last: () => say("上次跟进", "Last follow-up"),
  next: () => say("下次跟进", "Next follow-up"),
  claim: () => say("认领", "Claim"),
  claimFirst: () => say("认领后才能记跟进、改阶段。", "Claim it to log follow-ups and change its stage."),
  changeStage: () => say("改阶段", "Change stage"),
  apply: () => say("确定", "Apply"),
  logFollowUp: () => say("记一条跟进,一句话即可", "Log a follow-up in a sentence"),
  log: () => say("记录", "Log"),
  recent: () => say("最近跟进", "Recent follow-ups"),
  noFollowUps: () => say("还没有跟进记录。", "No follow-ups yet."),
  linkTitle: () => say("关联到已有线索", "Link to a lead"),
  searchLabel: () => say("客户名、公司或编号", "Name, company or lead number"),
  link: () => say("关联", "Link"),
  createTitle: () => say("或者新建线索", "Or create a lead"),
  name: () => say("客户", "Name"),
  phone: () => say("电话", "Phone"),
  company: () => say("公司", "Company"),
  industry: () => say("行业", "Industry"),
  create: () => say("新建并关联", "Create and link"),
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

function channelWord(channel) {
  switch (channel) {
    case "call": return say("电话", "call");
    case "visit": return say("拜访", "visit");
    case "wechat": return say("微信", "WeChat");
    case "email": return say("邮件", "email");
    case "meeting": return say("会议", "meeting");
    default: return channel;
  }
}

function showTexts() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  for (const labelled of document.querySelectorAll("[data-text]")) {
    labelled.textContent = TEXT[labelled.dataset.text]();
  }
  element("followup-text").placeholder = say("今天给王总打了电话,他很感兴趣,下周三再跟进", "Called him today, keen on the quote, follow up next Wednesday");
  for (const select of [element("stage-select"), element("create-stage")]) {
    const chosen = select.value;
    select.replaceChildren(...STAGES.map(stage => new Option(stageWord(stage), stage)));
    select.value = chosen || "new";
  }
}

function showStatus(text, isProblem) {
  statusLine.textContent = text;
  statusLine.hidden = !text;
  statusLine.classList.toggle("problem", Boolean(isProblem));
}

function showProblem(text) {
  element("lead").hidden = true;
  element("unlinked").hidden = true;
  showStatus(text, true);
}

// Times come on the organisation's clock ("2026-11-25T00:00:00+08:00"); midnight is a date-only plan.
function moment(value) {
  const day = value.slice(0, 10);
  const time = value.slice(11, 16);
  return time === "00:00" ? day : day + " " + time;
}

function showLead(lead) {
  element("lead-name").textContent = lead.name;
  element("lead-company").textContent = lead.company || "";
  element("lead-number").textContent = lead.number;
  const stage = element("lead-stage");
  stage.textContent = stageWord(lead.stage);
  stage.className = "stage " + lead.stage;
  element("lead-owner").textContent = lead.owner || say("公海(待认领)", "pool (unclaimed)");
  element("lead-last").textContent = lead.lastFollowUpAt ? moment(lead.lastFollowUpAt) : say("尚未跟进", "none yet");
  const next = element("lead-next");
  next.textContent = lead.nextFollowUpAt ? moment(lead.nextFollowUpAt) : say("未安排", "not planned");
  next.classList.toggle("due", Boolean(lead.nextFollowUpAt) && lead.nextFollowUpAt.slice(0, 10) <= view.today);
  element("claim").hidden = !lead.canClaim;
  element("claim-first").hidden = lead.canWork || !lead.canClaim;
  element("stage-form").hidden = !lead.canWork;
  element("followup-form").hidden = !lead.canWork;
  element("stage-select").value = lead.stage;

  const list = element("followups");
  list.replaceChildren(...lead.followUps.map(followUp => {
    const item = document.createElement("li");
    const when = document.createElement("div");
    when.className = "when";
    when.textContent = [moment(followUp.at), followUp.channel && channelWord(followUp.channel), followUp.author].filter(Boolean).join(" · ");
    const summary = document.createElement("div");
    summary.className = "summary";
    summary.textContent = followUp.summary;
    item.append(when, summary);
    return item;
  }));
  element("no-followups").hidden = lead.followUps.length > 0;
}

function showView() {
  element("who").textContent = view.name;
  const linked = view.link === "linked";
  element("lead").hidden = !linked;
  element("unlinked").hidden = linked;
  if (linked) {
    showStatus("", false);
    showLead(view.lead);
  } else if (view.link === "hidden") {
    showStatus(say("这个聊天关联的线索你已经看不到了,可以重新关联。", "This chat is linked to a lead you can no longer see; link it to another."), false);
  } else {
    showStatus(say("这个聊天还没有关联线索。", "This chat isn't linked to a lead yet."), false);
  }
}

function problemText(answer, status) {
  if (answer && answer.errors) {
    return Object.values(answer.errors).flat().join(" ");
  }
  return (answer && (answer.detail || answer.title)) || ("HTTP " + status);
}

// The answer, or null after saying why there is none.
async function call(url, options) {
  let response;
  let answer = null;
  try {
    response = await fetch(url, Object.assign({ cache: "no-store" }, options));
    answer = await response.json();
  } catch {
    // No answer, or not JSON (a proxy's error page): said below.
  }
  if (response && response.ok && answer) {
    return answer;
  }
  if (!response) {
    showStatus(say("连不上服务器,请稍后再试。", "The server can't be reached. Please try again in a moment."), true);
  } else if (response.status === 401) {
    showProblem(say("登录已过期,请重新打开侧边栏。", "Your sign-in expired. Please open the sidebar again."));
  } else if (response.status === 403 && answer && answer.deactivated) {
    showProblem(say("你的 ChatCrm 账号已停用,如有疑问请联系管理员。", "Your ChatCrm account has been deactivated; please contact your admin."));
  } else if (response.status === 403) {
    showProblem(say("抱歉,你还不是 ChatCrm 的用户。请把下面这行发给管理员:", "Sorry, you're not a ChatCrm user yet. Send your admin this line:")
      + "\n" + ((answer && answer.adminLine) || ""));
  } else if (response.status === 400) {
    showStatus(problemText(answer, response.status), true);
  } else {
    showStatus(say("抱歉,现在办不到,请稍后再试。", "Sorry, that can't be done right now. Please try again in a moment."), true);
  }
  return null;
}

async function reload() {
  const answer = await call("api/sidebar/lead?context=" + encodeURIComponent(context));
  if (!answer) {
    return;
  }
  view = answer;
  if (!params.get("lang") && pickLanguage(view.language) !== language) {
    language = pickLanguage(view.language);
    showTexts();
  }
  showView();
}

function showReply(reply) {
  replies.appendChild(ChatCrmReplies.bubble(reply, {
    bubbleClass: "bubble",
    factsClass: "reply-facts",
    onPress: action => send({ action: action.payload }),
  }));
}

function newRequestId() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
}

// Every change is a turn; the lead view is read again after each, whatever it did.
async function send(content) {
  if (busy) {
    return false;
  }
  busy = true;
  document.body.classList.add("busy");
  const body = JSON.stringify(Object.assign({ context, id: newRequestId() }, content));
  const request = { method: "POST", headers: { "Content-Type": "application/json" }, body };
  try {
    const answer = await call("api/sidebar/turn", request);
    if (!answer) {
      return false;
    }
    replies.replaceChildren();
    answer.replies.forEach(showReply);
    await reload();
    replies.scrollIntoView({ block: "nearest" });
    return true;
  } finally {
    busy = false;
    document.body.classList.remove("busy");
  }
}

function act(payload) {
  return send({ action: Object.assign({ lang: language }, payload) });
}

function onSubmit(id, handler) {
  element(id).addEventListener("submit", event => {
    event.preventDefault();
    handler(event.target);
  });
}

// A form is cleared only once its turn was answered, so nothing typed is lost to a failure.
onSubmit("search-form", async form => {
  if (await act({ do: "link_chat", lead: element("search-text").value.trim() })) {
    form.reset();
  }
});
onSubmit("followup-form", async form => {
  if (await send({ text: element("followup-text").value.trim() })) {
    form.reset();
  }
});
onSubmit("stage-form", () => act({ do: "set_stage", lead: view.lead.number, stage: element("stage-select").value }));
onSubmit("create-form", async form => {
  const fields = { do: "create_lead" };
  for (const input of form.querySelectorAll("input, select")) {
    if (input.value.trim()) {
      fields[input.name] = input.value.trim();
    }
  }
  if (await act(fields)) {
    form.reset();
  }
});
element("claim").addEventListener("click", () => act({ do: "claim_lead", lead: view.lead.number }));

function loadScript(source) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = source;
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + source));
    document.head.appendChild(script);
  });
}

function withTimeout(promise) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), WECOM_TIMEOUT_MS))]);
}

function openInWeCom() {
  showProblem(say("请在企业微信里,从客户聊天的工具栏打开 ChatCrm。", "Please open ChatCrm from the toolbar of a customer chat in WeCom."));
}

// Which chat the sidebar sits beside, from WeCom's JS-SDK; null after saying why there is none.
async function contextFromWeCom() {
  try {
    await loadScript(WECOM_SDK);
  } catch {
    openInWeCom();
    return null;
  }
  // One signing request per address: the SDK asks for the corp and the agent signature of the same page.
  const signed = new Map();
  const signaturesFor = url => {
    const page = url.split("#")[0];
    if (!signed.has(page)) {
      signed.set(page, call("api/sidebar/jsapi-config?url=" + encodeURIComponent(page)).then(config => config || Promise.reject(new Error("not signed"))));
    }
    return signed.get(page);
  };
  const config = await signaturesFor(location.href).catch(() => null);
  if (!config) {
    return null;
  }
  try {
    window.ww.register({
      corpId: config.corpId,
      agentId: config.agentId,
      jsApiList: ["getCurExternalContact", "getCurExternalChat", "getContext"],
      getConfigSignature: url => signaturesFor(url).then(signatures => signatures.config),
      getAgentConfigSignature: url => signaturesFor(url).then(signatures => signatures.agentConfig),
    });
    const entered = await withTimeout(window.ww.getContext());
    if (entered.entry === "single_chat_tools") {
      return "contact:" + (await withTimeout(window.ww.getCurExternalContact())).userId;
    }
    if (entered.entry === "group_chat_tools") {
      return "group:" + (await withTimeout(window.ww.getCurExternalChat())).chatId;
    }
  } catch {
    // Outside WeCom, or refused by it: said below.
  }
  openInWeCom();
  return null;
}

async function start() {
  showTexts();
  showStatus(say("正在加载…", "Loading…"), false);
  context = devContext || await contextFromWeCom();
  if (context) {
    await reload();
  }
}

// Whatever fails, the member reads a sentence, not an endless "Loading…".
start().catch(() => showProblem(say("抱歉,现在加载不了,请稍后再试。", "Sorry, this can't be loaded right now. Please try again in a moment.")));
