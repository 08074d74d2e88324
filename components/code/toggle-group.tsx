"use client";

/** A row of mutually exclusive buttons (pressed state announced), e.g. Unified / Split. */
export function ToggleGroup<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: ReadonlyArray<{ value: Value; label: string; isDisabled?: boolean; title?: string }>;
  onChange: (value: Value) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          disabled={option.isDisabled}
          title={option.title}
          onClick={() => onChange(option.value)}
          className="rounded px-2 py-0.5 text-xs font-medium text-zinc-600 not-aria-pressed:hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:text-zinc-300 dark:not-aria-pressed:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
