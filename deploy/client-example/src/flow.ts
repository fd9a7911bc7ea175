// The programme's money path as a client sees it, written only against the types generated from
// the services' OpenAPI documents (src/generated, `npm run generate`) and openapi-fetch:
// a registrar registers a member and assesses them in difficulty, an admin makes sure the county's
// special relief fund has money, a caseworker requests one-time hardship relief, an approver (another
// user) approves it, and an analyst sees it in the county report.
//
// Tokens come from MEMBERAID_TOKEN_<ROLE> (deploy/token.sh ROLE 620702); the services from
// MEMBERAID_<SERVICE>_URL (default http://localhost:808{1,2,3}; the smoke test puts Prism proxies there).
import { randomUUID } from "node:crypto";
import createClient, { type Middleware } from "openapi-fetch";
import type { components as MembersComponents, paths as MembersPaths } from "./generated/members.js";
import type { paths as ReliefPaths } from "./generated/relief.js";
import type { paths as ReportingPaths } from "./generated/reporting.js";

type Member = MembersComponents["schemas"]["Member"];

const COUNTY = "620702"; // Ganzhou District, Zhangye
const AMOUNT = 3000; // yuan: one-time hardship relief is 1,000 to 3,000
const REPLICATION_WAIT_MS = 60_000;

const urls = {
  members: process.env.MEMBERAID_MEMBERS_URL ?? "http://localhost:8081",
  relief: process.env.MEMBERAID_RELIEF_URL ?? "http://localhost:8082",
  reporting: process.env.MEMBERAID_REPORTING_URL ?? "http://localhost:8083",
};

function token(role: string): string {
  const name = `MEMBERAID_TOKEN_${role.toUpperCase()}`;
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: TOKEN=$(deploy/token.sh ${role} ${COUNTY} | tail -n 1)`);
  }
  return value;
}

/** Every request of a client carries its user's bearer token. */
function bearer(role: string): Middleware {
  const value = `Bearer ${token(role)}`;
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", value);
      return request;
    },
  };
}

/** A Prism proxy reports what differs from the document in sl-violations: any is a failure. */
const noViolations: Middleware = {
  onResponse({ request, response }) {
    const violations = response.headers.get("sl-violations");
    if (violations) {
      throw new Error(`${request.method} ${request.url} -> ${response.status} differs from the document: ${violations}`);
    }
    return undefined;
  },
};

/** A client of one service acting as a user; it reads the JSON answers (the reports' CSV is for BI tools). */
function client<Paths extends {}>(baseUrl: string, role: string) {
  const created = createClient<Paths, "application/json" | "application/problem+json">({ baseUrl });
  created.use(bearer(role), noViolations);
  return created;
}

function fail(step: string, response: Response, problem: unknown): never {
  throw new Error(`${step}: HTTP ${response.status} ${JSON.stringify(problem)}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retry-After in milliseconds, or half a second when the answer has none. */
function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 500;
}

/** The business date of the programme (Asia/Shanghai), yyyy-MM-dd. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** A valid resident ID (GB 11643 check digit) of someone born 1950-1975 in the county (old enough to have joined in 1995). */
function nationalId(): string {
  const year = 1950 + Math.floor(Math.random() * 26);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const first17 = `${COUNTY}${year}${month}${day}${serial}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17.charAt(i)), 0);
  return first17 + "10X98765432".charAt(sum % 11);
}

async function registerInDifficulty(): Promise<Member> {
  const registrar = client<MembersPaths>(urls.members, "registrar");
  const registered = await registrar.POST("/api/members", {
    body: {
      nationalId: nationalId(),
      name: "王秀英",
      countyCode: COUNTY,
      joinedPartyOn: "1995-07-01",
      laborCapacity: "PARTIAL",
      annualIncome: 3600,
    },
  });
  if (!registered.data) {
    fail("register a member", registered.response, registered.error);
  }
  const member = registered.data;
  console.log(`registered member ${member.id} (${member.nationalId}), ETag ${registered.response.headers.get("ETag")}`);

  const assessed = await registrar.POST("/api/members/{id}/hardship-assessments", {
    params: { path: { id: member.id } },
    body: { status: "IN_DIFFICULTY", causes: ["ILLNESS"], assessedOn: today(), note: "因病致贫" },
  });
  if (!assessed.data) {
    fail("assess the member", assessed.response, assessed.error);
  }
  console.log(`assessed ${assessed.data.status} (${assessed.data.causes.join(", ")}), member version ${assessed.data.memberVersion}`);
  return member;
}

/** The county's special relief fund of this year, allocated or topped up so it holds AMOUNT. */
async function fundWithMoney(year: number): Promise<string> {
  const admin = client<ReliefPaths>(urls.relief, "admin");
  const allocated = await admin.POST("/api/funds", {
    body: { countyCode: COUNTY, year, kind: "SPECIAL_RELIEF", budget: 500000 },
  });
  let fundId: string;
  if (allocated.data) {
    fundId = allocated.data.id;
    console.log(`allocated fund ${fundId}: ${allocated.data.budget} yuan`);
  } else if (allocated.response.status === 409 && allocated.error?.existingFundId) {
    fundId = allocated.error.existingFundId;
    console.log(`the county has its ${year} fund already: ${fundId}`);
  } else {
    fail("allocate the fund", allocated.response, allocated.error);
  }
  const fund = await admin.GET("/api/funds/{id}", { params: { path: { id: fundId } } });
  if (!fund.data) {
    fail("read the fund", fund.response, fund.error);
  }
  if (fund.data.remaining < AMOUNT) {
    const raised = await admin.PATCH("/api/funds/{id}", {
      params: { path: { id: fundId } },
      body: { budget: fund.data.budget + 500000 },
    });
    if (!raised.data) {
      fail("raise the budget", raised.response, raised.error);
    }
    console.log(`raised the budget to ${raised.data.budget} yuan`);
  }
  return fundId;
}

async function requestAndApprove(member: Member, fundId: string): Promise<void> {
  const caseworker = client<ReliefPaths>(urls.relief, "caseworker");
  const approver = client<ReliefPaths>(urls.relief, "approver");
  // One key for this intended payment: a retry after a refusal or a lost answer cannot pay twice.
  const key = `client-example-${randomUUID()}`;
  const deadline = Date.now() + REPLICATION_WAIT_MS;
  for (;;) {
    const requested = await caseworker.POST("/api/disbursements", {
      params: { header: { "Idempotency-Key": key } },
      body: {
        memberId: member.id,
        fundId,
        kind: "HARDSHIP_RELIEF",
        amount: AMOUNT,
        disbursedOn: today(),
        reason: "因病致贫",
      },
    });
    if (requested.data) {
      const replayed = requested.response.headers.get("Idempotent-Replayed");
      console.log(`requested disbursement ${requested.data.id}: ${requested.data.status} (replayed: ${replayed})`);
      const approved = await approver.POST("/api/disbursements/{id}/approval", {
        params: { path: { id: requested.data.id } },
        body: {},
      });
      if (!approved.data) {
        fail("approve the disbursement", approved.response, approved.error);
      }
      console.log(`approved by ${approved.data.decidedBy}, requested by ${approved.data.requestedBy}`);
      return;
    }
    // relief-service learns of the member and the assessment from the registry's events, normally
    // within a second: until then the request is refused naming the rule.
    const rule = requested.error?.rule;
    const lagging = requested.response.status === 422 && (rule === "member-unknown" || rule === "hardship-required");
    if (!lagging || Date.now() > deadline) {
      fail("request the disbursement", requested.response, requested.error);
    }
    await sleep(retryAfter(requested.response));
  }
}

async function fundsApproved(year: number): Promise<number> {
  const analyst = client<ReportingPaths>(urls.reporting, "analyst");
  const report = await analyst.GET("/api/reports/counties/{code}", {
    params: { path: { code: COUNTY }, query: { year } },
  });
  if (!report.data) {
    fail("read the county report", report.response, report.error);
  }
  return report.data.fundsApproved;
}

async function main(): Promise<void> {
  const year = Number(today().slice(0, 4));
  const before = await fundsApproved(year);
  const member = await registerInDifficulty();
  const fundId = await fundWithMoney(year);
  await requestAndApprove(member, fundId);
  const deadline = Date.now() + REPLICATION_WAIT_MS;
  let after = await fundsApproved(year);
  while (after < before + AMOUNT) {
    if (Date.now() > deadline) {
      throw new Error(`the county report shows ${after} yuan approved, expected at least ${before + AMOUNT}`);
    }
    await sleep(500);
    after = await fundsApproved(year);
  }
  console.log(`county ${COUNTY} report: ${before} -> ${after} yuan approved in ${year}`);
  console.log("client flow passed");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
