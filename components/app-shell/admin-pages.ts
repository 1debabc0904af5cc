import {
  Boxes,
  ListChecks,
  ListOrdered,
  type LucideIcon,
  MessageSquare,
  ScrollText,
  Settings,
  ShieldAlert,
  UserRoundCheck,
  Users,
  Webhook,
} from "lucide-react";

export type AdminPage = { href: string; label: string; icon: LucideIcon; description: string };

/** The admin pages: the sidebar's Admin group and the /admin index list them from here. */
export const ADMIN_PAGES: AdminPage[] = [
  {
    href: "/admin/checklists",
    label: "Checklist templates",
    icon: ListChecks,
    description: "The prototype and packaging checklists each use case works through, versioned.",
  },
  {
    href: "/admin/risk-template",
    label: "Risk screening template",
    icon: ShieldAlert,
    description:
      "The EU AI Act questions and the rules that give each use case its risk tier, versioned, with a rule tester.",
  },
  {
    href: "/admin/users",
    label: "Users",
    icon: Users,
    description: "Invite people, set their role, deactivate them and end their sessions.",
  },
  {
    href: "/admin/webhooks",
    label: "Webhooks",
    icon: Webhook,
    description: "Send signed events to other tools when gates, stages, checklists or services change.",
  },
  {
    href: "/admin/chat-channels",
    label: "Chat channels",
    icon: MessageSquare,
    description: "Post reviews, decisions, due conditions, outages and model drift to Slack or Teams.",
  },
  {
    href: "/admin/audit",
    label: "Audit trail",
    icon: ScrollText,
    description: "Who changed what and when, filtered and exported as CSV.",
  },
  {
    href: "/admin/settings",
    label: "Settings",
    icon: Settings,
    description: "Currency, stage probabilities, email and the organisation's defaults.",
  },
  {
    href: "/admin/scoring",
    label: "Scoring model",
    icon: ListOrdered,
    description: "The criteria and weights that rank use cases for funding; each change is a new version.",
  },
  {
    href: "/admin/registries",
    label: "Model registries",
    icon: Boxes,
    description: "Connect MLflow registries, so gates record the model versions they approve.",
  },
  {
    href: "/admin/delegations",
    label: "Delegations",
    icon: UserRoundCheck,
    description: "Who stands in for whom while away, so gate reviews keep moving; end any of them.",
  },
];
