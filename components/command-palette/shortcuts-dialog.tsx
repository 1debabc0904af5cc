"use client";
import { Dialog } from "radix-ui";

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["Ctrl", "K"], what: "Open the command palette (⌘ K on a Mac)" },
  { keys: ["/"], what: "Search use cases" },
  { keys: ["?"], what: "Show these shortcuts" },
  { keys: ["↑", "↓"], what: "Move through the palette's results" },
  { keys: ["Enter"], what: "Open or run the active result" },
  { keys: ["Esc"], what: "Close a dialog, a menu or the palette" },
  { keys: ["Ctrl", "Enter"], what: "Post a comment (⌘ Enter on a Mac)" },
  { keys: ["F8"], what: "Move to the notifications that just appeared" },
];

/** The "?" dialog: every keyboard shortcut, in a table a screen reader reads row by row. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed top-[12vh] left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 rounded-xl border border-slate-200 bg-surface p-5 shadow-2xl"
        >
          <Dialog.Title className="text-lg font-semibold text-slate-900">Keyboard shortcuts</Dialog.Title>
          <table className="mt-3 w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.what} className="border-t border-slate-200">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && " "}
                        <kbd className="rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                          {key}
                        </kbd>
                      </span>
                    ))}
                  </td>
                  <td className="py-2 text-slate-700">{shortcut.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Dialog.Close className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">
            Close
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
