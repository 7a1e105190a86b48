/**
 * Route guards. The server decides what anyone may see; these only keep people on screens that
 * can work for them: staff pages need a staff session (and the page's permission), portal pages a
 * patient session. A patient who opens a clinic address lands in their portal.
 */
import type { Me } from "@evident/domain/api";
import type { ReactNode } from "react";
import { Navigate, useLocation, useOutletContext } from "react-router";
import { useMe } from "../api/queries";
import { useTriageWaiting } from "../api/triage";
import { LoadError, Loading } from "./QueryStates";

export type StaffMe = Extract<Me, { kind: "staff" }>;
export type PatientMe = Extract<Me, { kind: "patient" }>;

export const can = (me: StaffMe, permission: string): boolean => me.permissions.includes(permission);

/** Where a signed-in user starts. */
export function homeOf(me: Me): string {
  if (me.kind === "patient") return "/portal";
  return can(me, "patients:read") ? "/patients" : "/outcomes";
}

export function RequireStaff({
  permission,
  children,
}: {
  permission?: string;
  children: (me: StaffMe) => ReactNode;
}) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} retry={() => me.refetch()} what="session" />;
  if (!me.data)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.kind !== "staff") return <Navigate to="/portal" replace state={{ denied: true }} />;
  if (permission && !can(me.data, permission)) return <Navigate to={homeOf(me.data)} replace />;
  return children(me.data);
}

export function RequirePatient({ children }: { children: (me: PatientMe) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} retry={() => me.refetch()} what="session" />;
  // A link from an e-mail (a follow-up's questionnaire) is where the patient returns after signing in.
  if (!me.data)
    return (
      <Navigate to="/portal/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />
    );
  if (me.data.kind !== "patient") return <Navigate to={homeOf(me.data)} replace />;
  return children(me.data);
}

/**
 * "/" sends each person to their own start page — and someone who reviews red flags to the
 * triage queue while one waits, so a flag raised overnight is the first thing they see.
 */
export function HomeRedirect() {
  const me = useMe();
  const reviewer = me.data?.kind === "staff" && can(me.data, "triage:review");
  const triage = useTriageWaiting(reviewer);
  if (me.isPending || (reviewer && triage.isPending)) return <Loading />;
  if (me.isError) return <LoadError error={me.error} retry={() => me.refetch()} what="session" />;
  if (reviewer && triage.data === true) return <Navigate to="/worklist?view=triage" replace />;
  return <Navigate to={me.data ? homeOf(me.data) : "/sign-in"} replace />;
}

/** The signed-in staff member, inside the clinic shell. */
export function useStaff(): StaffMe {
  return useOutletContext<StaffMe>();
}

/** A clinic page that needs a permission beyond being staff. */
export function Permit({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useStaff();
  if (!can(me, permission)) return <Navigate to={homeOf(me)} replace />;
  return children;
}
