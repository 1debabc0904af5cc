"use client";
import { CommandPalette } from "./command-palette";
import { ShortcutsDialog } from "./shortcuts-dialog";

/** The palette and the shortcuts dialog: the part of the palette that loads on first use. */
export function PaletteDialogs(props: {
  palette: boolean;
  onPaletteChange: (open: boolean) => void;
  shortcuts: boolean;
  onShortcutsChange: (open: boolean) => void;
  canCreate: boolean;
  admin: boolean;
}) {
  return (
    <>
      <CommandPalette
        open={props.palette}
        onOpenChange={props.onPaletteChange}
        canCreate={props.canCreate}
        admin={props.admin}
        onShowShortcuts={() => props.onShortcutsChange(true)}
      />
      <ShortcutsDialog open={props.shortcuts} onOpenChange={props.onShortcutsChange} />
    </>
  );
}
