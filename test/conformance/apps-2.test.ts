// Conformance with Prisma on real apps, part 2 of 2 (every other app; see apps.ts).
import { describeApps } from "./apps.js";

describeApps(2, 2);
