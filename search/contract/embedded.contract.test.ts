import { EmbeddedSearchEngine } from "../embedded-engine.ts";
import { describeSearchEngineContract } from "./search-engine-contract.ts";

describeSearchEngineContract("embedded", async () => new EmbeddedSearchEngine());
