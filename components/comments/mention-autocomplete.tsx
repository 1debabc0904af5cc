"use client";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { TextArea } from "@/components/ui/field";
import { insertMention, mentionQueryAt } from "@/lib/comment-text";
import { ROLE_LABELS, type Role } from "@/lib/lifecycle";

export type MentionPerson = { id: string; name: string; role: Role };

type Typed = { start: number; query: string };

const LOOKUP_DELAY_MS = 120;

/**
 * A textarea that offers people to @mention: typing `@` and letters opens a listbox of
 * matching active users (ARIA combobox pattern: the focus stays in the textarea and
 * `aria-activedescendant` points at the highlighted option). Arrow keys move, Enter or Tab
 * inserts `@Full Name`, Escape closes. Ctrl/Cmd+Enter is the composer's submit.
 */
export function MentionTextArea({
  id,
  value,
  onChange,
  onMention,
  onSubmitShortcut,
  search,
  invalid,
  describedBy,
  maxLength,
  placeholder,
  rows = 3,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onMention: (person: MentionPerson) => void;
  onSubmitShortcut: () => void;
  search: (query: string) => Promise<MentionPerson[]>;
  invalid: boolean;
  describedBy?: string;
  maxLength?: number;
  placeholder?: string;
  rows?: number;
}) {
  const listId = `${id}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<Typed | null>(null);
  const [options, setOptions] = useState<MentionPerson[]>([]);
  const [active, setActive] = useState(0);
  const ticket = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The @ whose list the user dismissed with Escape: not reopened while they keep typing that word. */
  const dismissedAt = useRef<number | null>(null);
  const open = typed !== null && options.length > 0;

  useEffect(() => () => clearTimeout(timer.current), []);

  function close() {
    ticket.current++;
    clearTimeout(timer.current);
    setTyped(null);
    setOptions([]);
  }

  function lookUp(text: string, caret: number) {
    const found = mentionQueryAt(text, caret);
    if (!found || found.start === dismissedAt.current) {
      if (!found) dismissedAt.current = null;
      close();
      return;
    }
    const mine = ++ticket.current;
    setTyped(found);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const people = await search(found.query).catch(() => []);
      if (mine !== ticket.current) return; // a newer keystroke won
      setOptions(people);
      setActive(0);
    }, LOOKUP_DELAY_MS);
  }

  function choose(person: MentionPerson) {
    const textarea = ref.current;
    if (!typed || !textarea) return;
    const next = insertMention(value, typed.start, textarea.selectionStart, person.name);
    close();
    onChange(next.text);
    onMention(person);
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      close();
      onSubmitShortcut();
      return;
    }
    if (!open || event.nativeEvent.isComposing) return;
    const move = (step: number) => setActive((current) => (current + step + options.length) % options.length);
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Home") setActive(0);
    else if (event.key === "End") setActive(options.length - 1);
    else if (event.key === "Enter" || event.key === "Tab") {
      const person = options[active];
      if (person) choose(person);
    } else if (event.key === "Escape") {
      dismissedAt.current = typed?.start ?? null;
      close();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="relative">
      <TextArea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        invalid={invalid}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          lookUp(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(event) => typed && lookUp(value, event.currentTarget.selectionStart)}
        onBlur={close}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="People to mention"
        hidden={!open}
        className="absolute left-0 top-full z-20 mt-1 max-h-64 w-72 max-w-full overflow-auto rounded-md border border-slate-200 bg-surface py-1 text-sm shadow-lg"
      >
        {options.map((person, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives this list from the textarea (aria-activedescendant).
          <div
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${index === active ? "bg-brand-50 text-brand-700" : "text-slate-800"}`}
            // Keep the focus (and the caret) in the textarea.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(person)}
          >
            <span className="truncate font-medium">{person.name}</span>
            <span className="flex-none text-xs text-slate-500">{ROLE_LABELS[person.role]}</span>
          </div>
        ))}
      </div>
      <p role="status" className="sr-only">
        {open
          ? `${options.length} ${options.length === 1 ? "person matches" : "people match"}; arrow keys to choose, Enter to insert.`
          : ""}
      </p>
    </div>
  );
}
