import type { DataSource } from "../api";
import { h } from "../dom";
import { adminToken } from "../state";
import type { AliasMove } from "../types";
import { errorBox } from "./common";

/**
 * Move an alias to a version, or roll it back. Only `ok` versions are offered: a corrupt version
 * cannot be aliased from the UI. The request is sent even without a token so the page shows the
 * API's own refusal.
 */
export function aliasForm(
  api: DataSource,
  model: string,
  versions: readonly string[],
  onDone: (move: AliasMove) => void,
  options: { aliases?: readonly string[]; fixedVersion?: string } = {},
): HTMLElement {
  const alias = h("input", {
    name: "alias",
    required: true,
    value: options.aliases?.[0] ?? "production",
    // The API's alias names; browsers compile `pattern` with the `v` flag, so `-` is escaped.
    pattern: "[a-z0-9][a-z0-9_\\-]{0,63}",
    maxlength: 64,
    size: 14,
    "aria-label": "alias",
  });
  const version = h(
    "select",
    { name: "version", "aria-label": "version" },
    ...versions.map((v) => h("option", { value: v, selected: v === options.fixedVersion }, v)),
  );
  const result = h("div", { class: "result", "data-result": "alias" });
  const run = async (what: "move" | "rollback") => {
    result.replaceChildren(h("span", { class: "muted" }, "…"));
    try {
      const move =
        what === "move"
          ? await api.moveAlias(model, alias.value, version.value, adminToken())
          : await api.rollback(model, alias.value, adminToken());
      result.replaceChildren(
        h("span", { class: "ok" }, `${move.alias}: ${move.from ?? "(none)"} → ${move.to}`),
      );
      onDone(move);
    } catch (e) {
      result.replaceChildren(errorBox(e));
    }
  };
  const form = h(
    "form",
    {
      class: "alias-form",
      "data-form": "alias",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void run("move");
      },
    },
    h("label", {}, "alias ", alias),
    options.fixedVersion
      ? h("span", {}, ` → ${options.fixedVersion} `)
      : h("label", {}, " → version ", version),
    h("button", { type: "submit", "data-action": "move" }, "Move alias"),
    h(
      "button",
      { type: "button", "data-action": "rollback", onclick: () => void run("rollback") },
      "Roll back",
    ),
    h("span", { class: "muted" }, adminToken() ? "" : " (needs the admin token)"),
    result,
  );
  if (options.fixedVersion) {
    version.hidden = true;
    form.append(version);
  }
  return form;
}
