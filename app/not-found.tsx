import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">There is nothing at this address. It may have been mistyped.</p>
      <Link href="/" className="text-brand-700 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
