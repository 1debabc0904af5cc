"use client";
import { useQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useState } from "react";
import { useDebounced } from "@/components/command-palette/palette-search";
import { controlClass } from "@/components/ui/field";
import { normaliseTag, tagProblem } from "@/lib/tag-text";

type TagCount = { tag: string; count: number };

async function fetchTags(q: string, signal: AbortSignal): Promise<TagCount[]> {
  const response = await fetch(`/api/v1/use-cases/tags?limit=20&q=${encodeURIComponent(q)}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) return [];
  return ((await response.json()) as { items: TagCount[] }).items;
}

/**
 * Tags as removable chips and a combobox suggesting the tags already in use (with how many use
 * cases carry each). Downshift gives the combobox/listbox pattern (aria-activedescendant, arrows,
 * Enter); Enter or a comma also adds what was typed, Backspace in the empty field removes the last.
 * `id` and `describedBy` come from the surrounding Field, so the label names the input.
 */
export function TagInput({
  id,
  value,
  onChange,
  invalid = false,
  describedBy,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [input, setInput] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const searched = useDebounced(normaliseTag(input), 150);
  const { data = [] } = useQuery({
    queryKey: ["use-case-tags", searched],
    queryFn: ({ signal }) => fetchTags(searched, signal),
    staleTime: 30_000,
    retry: false,
  });
  const suggestions = data.filter((t) => !value.includes(t.tag));

  function add(raw: string) {
    const tag = normaliseTag(raw);
    if (tag === "") return;
    const why = tagProblem(tag);
    setProblem(why);
    if (why) return;
    if (!value.includes(tag)) onChange([...value, tag].sort());
    setInput("");
  }
  const remove = (tag: string) => onChange(value.filter((t) => t !== tag));

  const combobox = useCombobox<TagCount>({
    items: suggestions,
    inputId: id,
    inputValue: input,
    selectedItem: null,
    itemToString: (item) => item?.tag ?? "",
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setInput(inputValue ?? "");
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) add(selectedItem.tag);
    },
    stateReducer: (_state, { type, changes }) =>
      // Keep the list open after a choice, for the next tag.
      type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick
        ? { ...changes, isOpen: true, inputValue: "" }
        : changes,
  });
  const describe = [describedBy, problem ? `${id}-problem` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags chosen">
          {value.map((tag) => (
            <li key={tag}>
              <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                {tag}
                <button
                  type="button"
                  onClick={() => remove(tag)}
                  aria-label={`Remove tag ${tag}`}
                  className="rounded-full px-1 text-brand-700 hover:bg-brand-100 focus:outline-none focus:ring-2 focus:ring-brand-500"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="relative">
        <input
          {...combobox.getInputProps({
            onKeyDown: (event) => {
              const typed = input.trim();
              if ((event.key === "Enter" && combobox.highlightedIndex < 0) || event.key === ",") {
                if (typed || event.key === ",") {
                  event.preventDefault();
                  (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
                  add(typed);
                }
              } else if (event.key === "Backspace" && input === "" && value.length > 0) {
                remove(value[value.length - 1] as string);
              }
            },
            onBlur: () => {
              if (input.trim()) add(input);
            },
          })}
          aria-invalid={invalid || Boolean(problem)}
          aria-describedby={describe}
          placeholder="Type a tag, Enter to add"
          className={controlClass(invalid || Boolean(problem))}
        />
        <ul
          {...combobox.getMenuProps({ "aria-label": "Tags in use" })}
          className={`absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-md border border-slate-200 bg-surface py-1 text-sm shadow-lg ${
            combobox.isOpen && suggestions.length > 0 ? "" : "hidden"
          }`}
        >
          {combobox.isOpen &&
            suggestions.map((item, index) => (
              <li
                key={item.tag}
                {...combobox.getItemProps({ item, index })}
                className={`flex cursor-pointer justify-between px-3 py-1.5 ${
                  combobox.highlightedIndex === index ? "bg-brand-50 text-brand-900" : "text-slate-800"
                }`}
              >
                <span>{item.tag}</span>
                <span className="text-xs text-slate-500">
                  {item.count} use case{item.count === 1 ? "" : "s"}
                </span>
              </li>
            ))}
        </ul>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="text-sm text-rose-600" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
