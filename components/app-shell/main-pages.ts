import {
  BookOpen,
  ChartScatter,
  ClipboardCheck,
  FolderKanban,
  GanttChart,
  Handshake,
  Landmark,
  LayoutDashboard,
  type LucideIcon,
  Server,
  ShieldAlert,
  SquareKanban,
} from "lucide-react";

export type NavLink = { href: string; label: string; icon: LucideIcon; badge?: "reviews" };

/** The main pages: the sidebar and the command palette list them from here. */
export const MAIN_PAGES: NavLink[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/portfolio/matrix", label: "Priority matrix", icon: ChartScatter },
  { href: "/use-cases", label: "Use cases", icon: FolderKanban },
  { href: "/board", label: "Board", icon: SquareKanban },
  { href: "/roadmap", label: "Roadmap", icon: GanttChart },
  { href: "/portfolio/funding", label: "Funding rounds", icon: Landmark },
  { href: "/reviews", label: "Reviews", icon: ClipboardCheck, badge: "reviews" },
  { href: "/handover", label: "Handover", icon: Handshake },
  { href: "/risks", label: "Risk", icon: ShieldAlert },
  { href: "/services", label: "Services", icon: Server },
  { href: "/api-docs", label: "API reference", icon: BookOpen },
];
