// A bot reply as the pages that talk to the bot draw it (the web chat, the WeCom sidebar): its
// sentence, its facts as a table and its buttons, of which one press disables the rest.
"use strict";

window.ChatCrmReplies = {
  bubble(reply, { bubbleClass, factsClass, onPress }) {
    const bubble = document.createElement("div");
    bubble.className = bubbleClass;
    bubble.dataset.testid = "reply";
    const text = document.createElement("div");
    text.className = "text";
    text.textContent = reply.text;
    bubble.appendChild(text);
    if (reply.facts && reply.facts.length > 0) {
      const table = document.createElement("table");
      table.className = factsClass;
      for (const fact of reply.facts) {
        const row = table.insertRow();
        const label = document.createElement("th");
        label.textContent = fact.label;
        row.appendChild(label);
        row.insertCell().textContent = fact.value;
      }
      bubble.appendChild(table);
    }
    if (reply.image && reply.image.url) {
      const chart = document.createElement("img");
      chart.className = "chart";
      chart.src = reply.image.url;
      chart.alt = reply.image.altText;
      chart.dataset.testid = "chart";
      bubble.appendChild(chart);
    }
    if (reply.actions && reply.actions.length > 0) {
      const bar = document.createElement("div");
      bar.className = "actions";
      for (const action of reply.actions) {
        // A link button opens a page (the digest's report) instead of sending a turn.
        if (action.payload && action.payload.open_url) {
          const link = document.createElement("a");
          link.href = action.payload.open_url;
          link.target = "_blank";
          link.rel = "noopener";
          link.textContent = action.title;
          bar.appendChild(link);
          continue;
        }
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = action.title;
        button.addEventListener("click", () => {
          // One choice per reply: a second press would act twice (two 王总 logged, Undo twice).
          for (const other of bar.querySelectorAll("button")) {
            other.disabled = true;
          }
          onPress(action);
        });
        bar.appendChild(button);
      }
      bubble.appendChild(bar);
    }
    return bubble;
  },
};
