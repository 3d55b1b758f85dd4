// The web chat: one page, no build step. It posts what the person types (or the payload of a
// pressed button) to /api/webchat and polls /api/webchat/inbox for what the bot says on its own.
"use strict";

const messages = document.getElementById("messages");
const userSelect = document.getElementById("user");
const conversationInput = document.getElementById("conversation");
const composer = document.getElementById("composer");
const textInput = document.getElementById("text");
const INBOX_POLL_MS = 3000;
// Replies that arrive for a user after the page switched away, shown when the user is picked again.
const heldForUser = new Map();

function newMessageId() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
}

function scrollToEnd() {
  messages.scrollTop = messages.scrollHeight;
}

function showMine(text) {
  const bubble = document.createElement("div");
  bubble.className = "bubble mine";
  bubble.textContent = text;
  messages.appendChild(bubble);
  scrollToEnd();
}

function showError(text) {
  const line = document.createElement("div");
  line.className = "error";
  line.textContent = text;
  messages.appendChild(line);
  scrollToEnd();
}

function showReply(reply, isNotice) {
  messages.appendChild(ChatCrmReplies.bubble(reply, {
    bubbleClass: "bubble bot" + (isNotice ? " notice" : ""),
    factsClass: "facts",
    onPress: action => {
      showMine("▶ " + action.title);
      send({ action: action.payload });
    },
  }));
  scrollToEnd();
}

function showFor(user, replies, isNotice) {
  if (user === userSelect.value) {
    for (const reply of replies) {
      showReply(reply, isNotice);
    }
    return;
  }
  heldForUser.set(user, (heldForUser.get(user) || []).concat(replies.map(reply => ({ reply, isNotice }))));
}

function problemText(answer, status) {
  if (answer && answer.errors) {
    return Object.values(answer.errors).flat().join(" ");
  }
  return (answer && (answer.detail || answer.title)) || ("HTTP " + status);
}

async function send(content) {
  const user = userSelect.value;
  const body = Object.assign({ user, conversation: conversationInput.value || "web", id: newMessageId() }, content);
  try {
    const response = await fetch("api/webchat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      // Not JSON: a proxy's error page, say.
    }
    if (!response.ok || !answer) {
      showError(problemText(answer, response.status));
      return;
    }
    showFor(user, answer.replies, false);
  } catch (error) {
    showError("The server can't be reached: " + error.message);
  }
}

async function pollInbox() {
  const user = userSelect.value;
  if (!user) {
    return;
  }
  try {
    const response = await fetch("api/webchat/inbox?user=" + encodeURIComponent(user));
    if (response.ok) {
      const answer = await response.json();
      showFor(user, answer.replies, true);
    }
  } catch {
    // The next poll tries again; a send shows the error if the server is gone.
  }
}

async function loadUsers() {
  const response = await fetch("api/webchat/users");
  const users = await response.json();
  for (const user of users) {
    const option = document.createElement("option");
    option.value = user.key;
    option.textContent = user.name + " (" + user.role + (user.team ? ", " + user.team : "") + ")";
    userSelect.appendChild(option);
  }
  const remembered = localStorage.getItem("chatcrm.user");
  userSelect.value = users.some(user => user.key === remembered) ? remembered : (users.find(user => user.key === "alice") || users[0] || {}).key || "";
}

composer.addEventListener("submit", event => {
  event.preventDefault();
  const text = textInput.value.trim();
  if (!text) {
    return;
  }
  textInput.value = "";
  showMine(text);
  send({ text });
});

userSelect.addEventListener("change", () => {
  localStorage.setItem("chatcrm.user", userSelect.value);
  messages.replaceChildren();
  for (const held of heldForUser.get(userSelect.value) || []) {
    showReply(held.reply, held.isNotice);
  }
  heldForUser.delete(userSelect.value);
  pollInbox();
});

loadUsers().then(pollInbox).catch(error => showError("Could not load users: " + error.message));
setInterval(pollInbox, INBOX_POLL_MS);
