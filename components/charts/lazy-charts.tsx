"use client";
import dynamic from "next/dynamic";

// Recharts is the heaviest part of the bundle: the charts load after the page, so a route's
// first-load JavaScript stays small. The figures are in the page's text and tables meanwhile.
const placeholder = () => <div className="h-64 animate-pulse rounded-md bg-slate-100" aria-hidden />;

export const LazyDriftChart = dynamic(() => import("./drift-chart").then((m) => m.DriftChart), {
  ssr: false,
  loading: placeholder,
});

export const LazyRealisedChart = dynamic(() => import("./realised-chart").then((m) => m.RealisedChart), {
  ssr: false,
  loading: placeholder,
});

export const LazyPortfolioCharts = dynamic(
  () => import("@/components/dashboard/portfolio-charts").then((m) => m.PortfolioCharts),
  { ssr: false, loading: placeholder },
);

export const LazyPriorityMatrixChart = dynamic(
  () => import("@/components/priority/matrix-chart").then((m) => m.PriorityMatrixChart),
  { ssr: false, loading: placeholder },
);
