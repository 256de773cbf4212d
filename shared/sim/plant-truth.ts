/** The plant's true state at one minute, before any sensor adds noise, rounding, faults or gaps. */

export interface ChillerTruth {
  /** 1 running, 0 off. */
  on: number;
  kw: number;
  amps: number;
  /** Cooling delivered, kW. */
  loadKw: number;
  lchwt: number;
  echwt: number;
  lcwt: number;
  ecwt: number;
  condSat: number;
  evapSat: number;
  /** Evaporator and condenser flows, L/s. */
  evapFlow: number;
  condFlow: number;
}

export interface PumpTruth {
  on: number;
  /** Drive speed, percent. */
  speed: number;
  kw: number;
  flow: number;
}

export interface TowerTruth {
  /** Fan speed, percent. */
  fanSpeed: number;
  fanKw: number;
  /** Cold-water basin (leaving) temperature, °C. */
  basinT: number;
}

export interface PlantTruth {
  oat: number;
  wetBulb: number;
  buildingLoadKw: number;
  chwsSetpoint: number;
  dpSetpoint: number;
  chwsHeader: number;
  /** Return to the chillers, after the bypass joins it. */
  chwrHeader: number;
  /** Primary flow in the supply header (all evaporators), L/s. */
  chwFlow: number;
  buildingFlow: number;
  bypassFlow: number;
  dp: number;
  /** Bypass valve command and actual position, percent open. */
  bypassCmd: number;
  bypassPos: number;
  cwsHeader: number;
  cwrHeader: number;
  cwFlow: number;
  plantKw: number;
  chillers: ChillerTruth[];
  chwPumps: PumpTruth[];
  cwPumps: PumpTruth[];
  towers: TowerTruth[];
}

function chiller(): ChillerTruth {
  return { on: 0, kw: 0, amps: 0, loadKw: 0, lchwt: 7, echwt: 11, lcwt: 24, ecwt: 22, condSat: 25, evapSat: 6, evapFlow: 0, condFlow: 0 };
}

function pump(): PumpTruth {
  return { on: 0, speed: 0, kw: 0, flow: 0 };
}

/** A plant at rest, from which the first simulated minutes settle. */
export function initialTruth(): PlantTruth {
  return {
    oat: 10,
    wetBulb: 8,
    buildingLoadKw: 400,
    chwsSetpoint: 8.3,
    dpSetpoint: 55,
    chwsHeader: 8.3,
    chwrHeader: 12,
    chwFlow: 40,
    buildingFlow: 30,
    bypassFlow: 10,
    dp: 55,
    bypassCmd: 20,
    bypassPos: 20,
    cwsHeader: 20,
    cwrHeader: 23,
    cwFlow: 85.5,
    plantKw: 120,
    chillers: [chiller(), chiller()],
    chwPumps: [pump(), pump()],
    cwPumps: [pump(), pump()],
    towers: [
      { fanSpeed: 0, fanKw: 0, basinT: 20 },
      { fanSpeed: 0, fanKw: 0, basinT: 20 },
    ],
  };
}
