import { BuildingLoad, BUILDING_PEAK_KW, airHandlersOn } from './building-load';
import { ChillerSequencer } from './chiller-sequencer';
import { FoulingClock, demoFaultPlan, inWindow, type FaultPlan } from './fault-plan';
import { CHILLER, CHILLER_EFFICIENCY_FACTOR, CHW_LOOP, CHW_PUMP, CW_PUMP, PLANT_AUX_KW, PLANT_ROOM_C, TOWER, WATER_CP, chillerCurveKw } from './plant-design';
import type { ChillerTruth, PlantTruth } from './plant-truth';
import { initialTruth } from './plant-truth';
import { Prng, hashSeed } from './prng';
import type { SimClock } from './sim-clock';
import { newLocalTime } from './sim-clock';
import { Weather, newWeather } from './weather';

const SQRT3 = Math.sqrt(3);

/** First-order lag factor for a time constant in minutes, stepping one minute. */
function lag(tauMinutes: number): number {
  return 1 - Math.exp(-1 / tauMinutes);
}
const FAST = lag(1.2);
const CHILLER_TAU = lag(3);
const IDLE_TAU = lag(180);
const BASIN_TAU = lag(8);
const IDLE_BASIN_TAU = lag(240);

/**
 * The plant's physics, one minute at a time, always from January 1st so every minute depends only on the
 * seed: weather → building load → staging → flows and pumps → chilled water → condenser water → towers.
 */
export class PlantPhysics {
  readonly truth: PlantTruth = initialTruth();
  readonly local = newLocalTime();
  private readonly weather: Weather;
  private readonly load: BuildingLoad;
  private readonly sequencer = new ChillerSequencer(2);
  private readonly rng: Prng;
  private readonly w = newWeather();
  private readonly controlError = [0, 0];
  private readonly seqInputs = { chillerLoads: [0, 0], chwsHeader: 0, chwsSetpoint: 0 };
  private coilDtNoise = 0;
  private dpNoise = 0;
  private towerLeaving = [20, 20];
  private minute = 0;
  /** When the plan's fouling starts and how far it has got. */
  readonly fouling: FoulingClock;

  constructor(
    seed: number,
    private readonly clock: SimClock,
    private readonly plan: FaultPlan = demoFaultPlan(),
  ) {
    this.fouling = new FoulingClock(plan.fouling);
    this.weather = new Weather(seed);
    this.load = new BuildingLoad(seed);
    this.rng = new Prng(hashSeed(seed, 300));
  }

  /** The minute the next step computes. */
  get nextMinute(): number {
    return this.minute;
  }

  /** Compute the next minute; the result is in `truth` until the following step. */
  step(): PlantTruth {
    const m = this.minute++;
    const p = this.truth;
    const local = this.clock.local(m, this.local);
    const w = this.weather.at(m, this.clock.timeOf(m), local, this.w);
    p.oat = w.dryBulb;
    p.wetBulb = w.wetBulb;
    const qBuilding = this.load.at(m, local, w);
    p.buildingLoadKw = qBuilding;

    // Supply reset on outdoor air, re-evaluated every 15 minutes as the BMS program does: 8.3 °C when cool, 6.7 °C when hot.
    if (m % 15 === 0) p.chwsSetpoint = Math.round(10 * (8.3 - (1.6 * clamp(w.dryBulb - 13, 0, 14)) / 14)) / 10;
    p.dpSetpoint = airHandlersOn(local) ? CHW_LOOP.dpSetpointOccupied : CHW_LOOP.dpSetpointUnoccupied;

    const seq = this.seqInputs;
    for (let i = 0; i < 2; i++) seq.chillerLoads[i] = p.chillers[i]?.loadKw ?? 0;
    seq.chwsHeader = p.chwsHeader;
    seq.chwsSetpoint = p.chwsSetpoint;
    this.sequencer.step(local, seq);
    const running = this.sequencer.running;
    this.fouling.observe(m, this.sequencer.order[0] as number, running);
    const n = (running[0] ? 1 : 0) + (running[1] ? 1 : 0);

    // Building coils: ΔT sags at part load (the familiar low-ΔT habit) and wanders a little.
    this.coilDtNoise = 0.98 * this.coilDtNoise + 0.04 * this.rng.normal();
    const coilDt = 3.1 + 2.7 * Math.min(1, qBuilding / BUILDING_PEAK_KW) + this.coilDtNoise;
    const fBuilding = qBuilding / (WATER_CP * coilDt);
    p.buildingFlow = fBuilding;

    this.bypass(m, n, fBuilding);
    const fTotal = fBuilding + p.bypassFlow;
    p.chwFlow = fTotal;
    const fEvap = fTotal / n;
    this.pumps(n, fEvap, fBuilding);

    // Return water reaches the chillers a minute after it left them as supply; the bypass joins it at supply temperature.
    const chwrMix = (fBuilding * (p.chwsHeader + coilDt) + p.bypassFlow * p.chwsHeader) / fTotal;
    p.chwrHeader = chwrMix;
    let supplySum = 0;
    for (let i = 0; i < 2; i++) {
      const c = p.chillers[i] as ChillerTruth;
      if (running[i]) this.runChiller(i, c, m, fEvap, chwrMix, p.cwsHeader, p.chwsSetpoint);
      else this.idleChiller(c);
      supplySum += c.evapFlow * c.lchwt;
    }
    p.chwsHeader = supplySum / fTotal;

    this.towers(running, w.wetBulb);
    let cwFlow = 0;
    let cwSum = 0;
    for (const c of p.chillers) {
      cwFlow += c.condFlow;
      cwSum += c.condFlow * c.lcwt;
    }
    p.cwFlow = cwFlow;
    p.cwrHeader = cwSum / cwFlow;

    let kw = PLANT_AUX_KW + 0.6 * Math.sin(m / 37);
    for (let i = 0; i < 2; i++) {
      kw += (p.chillers[i] as ChillerTruth).kw + (p.chwPumps[i]?.kw ?? 0) + (p.cwPumps[i]?.kw ?? 0) + (p.towers[i]?.fanKw ?? 0);
    }
    p.plantKw = kw;
    return p;
  }

  /** Minimum-flow bypass: the controller opens it when the coils take less than the running evaporators need. */
  private bypass(m: number, n: number, fBuilding: number): void {
    const p = this.truth;
    const dpValve = p.dpSetpoint + CHW_LOOP.distributionK * fBuilding * fBuilding;
    const fullOpen = CHW_LOOP.bypassKv * Math.sqrt(dpValve);
    const shortfall = n * CHILLER.minFlow + 2 - fBuilding;
    const target = shortfall > 0 ? clamp((100 * shortfall) / fullOpen, 0, 100) : 0;
    // A PI loop tracking its target, with the hunting of a real one; it sits at 0 % when not needed.
    const cmd = p.bypassCmd + 0.35 * (target - p.bypassCmd) + (target > 0 ? 0.8 * this.rng.normal() : -0.5);
    p.bypassCmd = clamp(cmd, 0, 100);
    if (!inWindow(this.plan.stuckValve, m) && Math.abs(p.bypassCmd - p.bypassPos) > 0.4) p.bypassPos += 0.6 * (p.bypassCmd - p.bypassPos);
    p.bypassFlow = (fullOpen * p.bypassPos) / 100;
  }

  /** Dedicated primary pumps hold the remote DP setpoint; at minimum speed the DP rises above it. */
  private pumps(n: number, fEvap: number, fBuilding: number): void {
    const p = this.truth;
    this.dpNoise = 0.9 * this.dpNoise + 0.6 * this.rng.normal();
    const losses = CHW_LOOP.distributionK * fBuilding * fBuilding + CHW_LOOP.evaporatorK * fEvap * fEvap;
    let s = Math.sqrt((p.dpSetpoint + losses + CHW_PUMP.curveK * fEvap * fEvap) / CHW_PUMP.shutoffHead);
    s = clamp(s, CHW_PUMP.minSpeed, 1);
    const head = CHW_PUMP.shutoffHead * s * s - CHW_PUMP.curveK * fEvap * fEvap;
    p.dp = Math.max(p.dpSetpoint, head - losses) + this.dpNoise;
    const running = this.sequencer.running;
    for (let i = 0; i < 2; i++) {
      const chw = p.chwPumps[i];
      const cw = p.cwPumps[i];
      if (!chw || !cw) continue;
      const on = running[i] === true;
      chw.on = on ? 1 : 0;
      chw.speed = on ? (chw.speed > 0 ? chw.speed + FAST * (100 * s - chw.speed) : 100 * s) : 0;
      chw.flow = on ? fEvap : 0;
      const sc = chw.speed / 100;
      chw.kw = on ? CHW_PUMP.ratedKw * sc * sc * sc + CHW_PUMP.idleKw : 0;
      cw.on = chw.on;
      cw.speed = on ? 100 * CW_PUMP.speed : 0;
      cw.flow = on ? CW_PUMP.fullSpeedFlow * CW_PUMP.speed : 0;
      cw.kw = on ? CW_PUMP.ratedKw * CW_PUMP.speed ** 3 + CW_PUMP.idleKw : 0;
    }
  }

  private runChiller(i: number, c: ChillerTruth, m: number, fEvap: number, chwrMix: number, cws: number, setpoint: number): void {
    const started = c.on === 0;
    c.on = 1;
    c.evapFlow = fEvap;
    c.condFlow = this.truth.cwPumps[i]?.flow ?? 0;
    this.controlError[i] = 0.95 * (this.controlError[i] ?? 0) + 0.04 * this.rng.normal();
    const minutesOn = this.sequencer.minutesInState[i] ?? 0;
    // Soft loading: the capacity limit climbs after a start, so a new unit pulls its water down gradually.
    const capacity = 1.05 * CHILLER.capacityKw * Math.min(1, 0.2 + (0.8 * minutesOn) / CHILLER.softLoadMinutes);
    const wanted = WATER_CP * fEvap * (chwrMix - setpoint - (this.controlError[i] ?? 0));
    const q = clamp(wanted, 0, capacity);
    const leavingTarget = chwrMix - q / (WATER_CP * fEvap);
    if (started) {
      // The pump flushes the still evaporator and condenser within a minute of opening the valves.
      c.echwt = chwrMix;
      c.lchwt = chwrMix;
      c.ecwt = cws;
      c.lcwt = cws;
    }
    c.echwt += FAST * (chwrMix - c.echwt);
    c.lchwt += CHILLER_TAU * (leavingTarget - c.lchwt);
    c.loadKw = Math.max(0, WATER_CP * fEvap * (c.echwt - c.lchwt));

    c.ecwt += FAST * (cws - c.ecwt);
    const fouled = this.fouling.progress(i, m);
    const lift = c.lcwt - c.lchwt;
    c.kw = chillerCurveKw(c.loadKw, lift, CHILLER_EFFICIENCY_FACTOR[i]) * (1 + this.plan.fouling.kwIncrease * fouled);
    const rejected = c.loadKw + c.kw;
    c.lcwt += FAST * (c.ecwt + rejected / (WATER_CP * c.condFlow) - c.lcwt);
    const plr = c.loadKw / CHILLER.capacityKw;
    c.condSat = c.lcwt + 0.4 + CHILLER.condenserApproach * plr + this.plan.fouling.approachIncrease * fouled;
    c.evapSat = c.lchwt - 0.3 - CHILLER.evaporatorApproach * plr;
    c.amps = (c.kw * 1000) / (SQRT3 * CHILLER.volts * CHILLER.powerFactor);
  }

  /** Off and valved off: still water drifts to the plant room's temperature and the refrigerant equalizes. */
  private idleChiller(c: ChillerTruth): void {
    c.on = 0;
    c.kw = 0;
    c.amps = 0;
    c.loadKw = 0;
    c.evapFlow = 0;
    c.condFlow = 0;
    c.lchwt += IDLE_TAU * (PLANT_ROOM_C - c.lchwt);
    c.echwt += IDLE_TAU * (PLANT_ROOM_C - c.echwt);
    c.lcwt += IDLE_TAU * (PLANT_ROOM_C - c.lcwt);
    c.ecwt += IDLE_TAU * (PLANT_ROOM_C - c.ecwt);
    c.condSat = (c.lcwt + c.ecwt) / 2;
    c.evapSat = (c.lchwt + c.echwt) / 2 - 0.2;
  }

  /** One tower cell per chiller: fans hold CWS at wet-bulb + 3.8 K within limits; the tower bypass stops it going colder. */
  private towers(running: readonly boolean[], wetBulb: number): void {
    const p = this.truth;
    const setpoint = clamp(wetBulb + TOWER.setpointOverWetBulb, TOWER.minSupply, TOWER.maxSupply);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < 2; i++) {
      const t = p.towers[i];
      const c = p.chillers[i];
      if (!t || !c) continue;
      let leaving = this.towerLeaving[i] ?? 20;
      if (running[i]) {
        const heat = Math.max(0.05, (c.loadKw + c.kw) / TOWER.designRejectionKw);
        const scale = TOWER.designApproach * heat ** 0.75 * (1 + 0.02 * (26 - wetBulb));
        const needed = Math.max(0.5, setpoint - wetBulb);
        let cmd = towerApproach(scale, 0) <= needed ? 0 : ((scale / needed) ** (1 / 0.7) - 0.15) / 0.85;
        if (cmd > 0) cmd = clamp(cmd, TOWER.fanMinSpeed, 1);
        t.fanSpeed += 0.3 * (100 * cmd - t.fanSpeed);
        const s = t.fanSpeed / 100;
        let target = wetBulb + towerApproach(scale, s);
        if (cmd <= TOWER.fanMinSpeed) target = Math.max(target, setpoint);
        leaving += BASIN_TAU * (target - leaving);
        t.fanKw = s > 0.01 ? TOWER.fanRatedKw * s * s * s : 0;
        sum += leaving;
        count++;
      } else {
        t.fanSpeed = 0;
        t.fanKw = 0;
        // Basin heaters keep an idle cell above freezing.
        leaving += IDLE_BASIN_TAU * (Math.max(5, wetBulb + 1.5) - leaving);
      }
      this.towerLeaving[i] = leaving;
      t.basinT = leaving;
    }
    if (count > 0) p.cwsHeader = sum / count;
  }
}

/** Tower approach at a fan speed (0–1); `scale` is the approach at full speed for the present heat and wet-bulb. */
function towerApproach(scale: number, fanSpeed: number): number {
  return scale * (0.15 + 0.85 * fanSpeed) ** -0.7;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
