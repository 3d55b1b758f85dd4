// The web chat: one page, no build step. It posts what the person types (or the payload of a
// pressed button) to /api/webchat and polls /api/webchat/inbox for what the bot says on its own.
"use strict";

const messages = document.getElementById("messages");
const userSelect = document.getElementById("user");
const conversationInput = document.getElementById("conversation");
const composer = document.getElementById("composer");
const textInput = document.getElementById("text");
const INBOX_POLL_MS = 3000;

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
  const bubble = document.createElement("div");
  bubble.className = "bubble bot" + (isNotice ? " notice" : "");
  bubble.dataset.testid = "reply";
  const text = document.createElement("div");
  text.className = "text";
  text.textContent = reply.text;
  bubble.appendChild(text);
  if (reply.facts && reply.facts.length > 0) {
    const table = document.createElement("table");
    table.className = "facts";
    for (const fact of reply.facts) {
      const row = table.insertRow();
      const label = document.createElement("th");
      label.textContent = fact.label;
      row.appendChild(label);
      row.insertCell().textContent = fact.value;
    }
    bubble.appendChild(table);
  }
  if (reply.actions && reply.actions.length > 0) {
    const bar = document.createElement("div");
    bar.className = "actions";
    for (const action of reply.actions) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = action.title;
      button.addEventListener("click", () => {
        showMine("▶ " + action.title);
        send({ action: action.payload });
      });
      bar.appendChild(button);
    }
    bubble.appendChild(bar);
  }
  messages.appendChild(bubble);
  scrollToEnd();
}

async function send(content) {
  const body = Object.assign({ user: userSelect.value, conversation: conversationInput.value || "web", id: newMessageId() }, content);
  try {
    const response = await fetch("api/webchat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) {
      showError(answer.title || ("HTTP " + response.status));
      return;
    }
    for (const reply of answer.replies) {
      showReply(reply, false);
    }
  } catch (error) {
    showError("The server can't be reached: " + error.message);
  }
}

async function pollInbox() {
  if (!userSelect.value) {
    return;
  }
  try {
    const response = await fetch("api/webchat/inbox?user=" + encodeURIComponent(userSelect.value));
    if (response.ok) {
      const answer = await response.json();
      for (const reply of answer.replies) {
        showReply(reply, true);
      }
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
  pollInbox();
});

loadUsers().then(pollInbox).catch(error => showError("Could not load users: " + error.message));
setInterval(pollInbox, INBOX_POLL_MS);
