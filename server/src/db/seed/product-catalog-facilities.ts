// Product vocabulary for furniture, vehicles, tools, lab and AV equipment, and spare parts.
import type { Faker } from '@faker-js/faker';
import type { ProductLine, ProductModel } from './product-catalog-it.ts';

const m = (brand: string, name: string, price: [number, number], attrs?: Record<string, unknown>) =>
  attrs ? { brand, name, price, attrs } : { brand, name, price };

const withAttrs = (_faker: Faker, model: ProductModel) => ({ ...model.attrs });
const colours = ['black', 'graphite', 'white', 'grey', 'oak', 'walnut'];

export const facilitiesProductLines: Record<string, ProductLine> = {
  Desks: {
    models: [
      m('Steelcase', 'Steelcase Migration SE Sit-Stand Desk', [900, 1400], {
        width_cm: 160,
        sit_stand: true,
      }),
      m('Steelcase', 'Steelcase Ology Standing Desk', [1300, 1900], { width_cm: 180, sit_stand: true }),
      m('Herman Miller', 'Herman Miller Jarvis Standing Desk', [700, 1100], {
        width_cm: 150,
        sit_stand: true,
      }),
      m('Humanscale', 'Humanscale Float Sit-Stand Table', [1200, 1700], { width_cm: 160, sit_stand: true }),
      m('Vitra', 'Vitra Tyde 2 Desk', [1100, 1600], { width_cm: 180, sit_stand: true }),
      m('IKEA', 'IKEA BEKANT Desk', [250, 400], { width_cm: 160, sit_stand: false }),
    ],
    specs: (faker, model) => ({ ...model.attrs, color: faker.helpers.arrayElement(colours) }),
    describe: (s) =>
      `${String(s.width_cm)} cm ${s.sit_stand ? 'sit-stand' : 'fixed'} desk, ${String(s.color)}`,
    variant: (s) => `, ${String(s.color)}`,
  },
  Chairs: {
    models: [
      m('Herman Miller', 'Herman Miller Aeron Chair', [1200, 1700], { material: 'mesh' }),
      m('Herman Miller', 'Herman Miller Embody Chair', [1600, 2100], { material: 'fabric' }),
      m('Steelcase', 'Steelcase Leap V2 Chair', [1000, 1400], { material: 'fabric' }),
      m('Steelcase', 'Steelcase Gesture Chair', [1100, 1600], { material: 'fabric' }),
      m('Haworth', 'Haworth Zody Chair', [800, 1200], { material: 'mesh' }),
      m('Humanscale', 'Humanscale Freedom Chair', [1000, 1500], { material: 'leather' }),
      m('Vitra', 'Vitra ID Mesh Chair', [700, 1000], { material: 'mesh' }),
      m('IKEA', 'IKEA MARKUS Office Chair', [180, 250], { material: 'mesh' }),
    ],
    specs: (faker, model) => ({
      ...model.attrs,
      color: faker.helpers.arrayElement(colours.slice(0, 4)),
      adjustable_arms: faker.datatype.boolean({ probability: 0.8 }),
      weight_kg: faker.number.int({ min: 14, max: 25 }),
    }),
    describe: (s) => `Task chair, ${String(s.material)}, ${String(s.color)}`,
    variant: (s) => `, ${String(s.color)}`,
  },
  'Storage cabinets': {
    models: [
      m('Steelcase', 'Steelcase Tower Storage Cabinet', [700, 1100], { drawers: 0 }),
      m('Bisley', 'Bisley 3-Drawer Filing Cabinet', [350, 550], { drawers: 3 }),
      m('Bisley', 'Bisley Steel Cupboard', [400, 650], { drawers: 0 }),
      m('Herman Miller', 'Herman Miller Meridian Filing Cabinet', [900, 1300], { drawers: 4 }),
      m('IKEA', 'IKEA GALANT Cabinet', [200, 320], { drawers: 0 }),
    ],
    specs: (faker, model) => ({ ...model.attrs, lockable: faker.datatype.boolean({ probability: 0.7 }) }),
    describe: (s) =>
      `${typeof s.drawers === 'number' && s.drawers > 0 ? `${s.drawers}-drawer` : 'Door'} cabinet${s.lockable ? ', lockable' : ''}`,
  },
  'Meeting tables': {
    models: [
      m('Steelcase', 'Steelcase Potrero415 Meeting Table', [1500, 2600], { seats: 8 }),
      m('Vitra', 'Vitra Joyn Conference Table', [2500, 4200], { seats: 12 }),
      m('Herman Miller', 'Herman Miller Everywhere Table', [900, 1600], { seats: 6 }),
      m('IKEA', 'IKEA TROTTEN Meeting Table', [300, 500], { seats: 4 }),
    ],
    specs: withAttrs,
    describe: (s) => `Meeting table for ${String(s.seats)}`,
  },
  Vehicles: {
    models: [
      m('Ford', 'Ford Transit Custom Van', [32000, 42000], { fuel: 'diesel' }),
      m('Mercedes-Benz', 'Mercedes-Benz Sprinter Van', [38000, 52000], { fuel: 'diesel' }),
      m('Volkswagen', 'Volkswagen ID. Buzz Cargo', [45000, 55000], { fuel: 'electric' }),
      m('Toyota', 'Toyota Corolla Hybrid', [26000, 31000], { fuel: 'hybrid' }),
      m('Tesla', 'Tesla Model 3', [40000, 48000], { fuel: 'electric' }),
      m('Nissan', 'Nissan Leaf', [28000, 34000], { fuel: 'electric' }),
      m('Toyota', 'Toyota 8FGCU25 Forklift', [24000, 30000], { fuel: 'lpg' }),
    ],
    specs: (faker, model) => ({
      ...model.attrs,
      vin: faker.vehicle.vin(),
      color: faker.vehicle.color(),
      odometer_km: faker.number.int({ min: 2000, max: 140000 }),
      plate: faker.vehicle.vrm(),
    }),
    describe: (s) => `${String(s.fuel)} vehicle, ${String(s.color)}, ${String(s.odometer_km)} km`,
  },
  'Power tools': {
    models: [
      m('Makita', 'Makita DHP486 Combi Drill', [180, 260], { voltage: 18 }),
      m('DeWalt', 'DeWalt DCD796 Drill Driver', [150, 230], { voltage: 18 }),
      m('Bosch', 'Bosch GSB 18V-55 Combi Drill', [140, 210], { voltage: 18 }),
      m('Milwaukee', 'Milwaukee M18 FUEL Impact Driver', [220, 320], { voltage: 18 }),
      m('Hilti', 'Hilti TE 30-A36 Rotary Hammer', [900, 1300], { voltage: 36 }),
      m('Makita', 'Makita DGA504 Angle Grinder', [150, 220], { voltage: 18 }),
    ],
    specs: (faker, model) => ({ ...model.attrs, batteries: faker.number.int({ min: 1, max: 3 }) }),
    describe: (s) => `Cordless ${String(s.voltage)} V tool with ${String(s.batteries)} batteries`,
  },
  'Hand tools': {
    models: [
      m('Wera', 'Wera Kraftform Screwdriver Set', [60, 110], { pieces: 12 }),
      m('Knipex', 'Knipex Pliers Set', [90, 160], { pieces: 5 }),
      m('Stanley', 'Stanley FatMax Tool Box', [80, 140], { pieces: 60 }),
      m('Bahco', 'Bahco Socket Set', [120, 220], { pieces: 94 }),
      m('Wiha', 'Wiha Torque Screwdriver', [150, 240], { pieces: 1 }),
    ],
    specs: withAttrs,
    describe: (s) => `Hand tool set, ${String(s.pieces)} pieces`,
  },
  'Measuring instruments': {
    models: [
      m('Fluke', 'Fluke 87V Digital Multimeter', [450, 600], { accuracy: '±0.05%' }),
      m('Fluke', 'Fluke 1587 FC Insulation Multimeter', [900, 1200], { accuracy: '±0.09%' }),
      m('Keysight', 'Keysight U1242C Handheld Multimeter', [250, 350], { accuracy: '±0.09%' }),
      m('Tektronix', 'Tektronix TBS2104B Oscilloscope', [2200, 3000], { accuracy: '±3%' }),
      m('Mitutoyo', 'Mitutoyo 500-196-30 Digital Caliper', [120, 180], { accuracy: '±0.02 mm' }),
      m('Bosch', 'Bosch GLM 50 C Laser Measure', [120, 170], { accuracy: '±1.5 mm' }),
      m('Testo', 'Testo 868 Thermal Imager', [1100, 1500], { accuracy: '±2 °C' }),
    ],
    specs: withAttrs,
    describe: (s) => `Measuring instrument, accuracy ${String(s.accuracy)}`,
  },
  Microscopes: {
    models: [
      m('Zeiss', 'Zeiss Primostar 3 Microscope', [2500, 4000], { magnification: '40x-1000x' }),
      m('Olympus', 'Olympus CX23 Microscope', [1500, 2400], { magnification: '40x-1000x' }),
      m('Leica', 'Leica DM750 Microscope', [3000, 5000], { magnification: '40x-1000x' }),
      m('Nikon', 'Nikon Eclipse Ei Microscope', [2000, 3200], { magnification: '40x-400x' }),
    ],
    specs: withAttrs,
    describe: (s) => `Light microscope, ${String(s.magnification)}`,
  },
  Centrifuges: {
    models: [
      m('Eppendorf', 'Eppendorf 5425 Centrifuge', [3000, 4500], { max_rpm: 15060 }),
      m('Thermo Fisher', 'Thermo Scientific Sorvall ST 8 Centrifuge', [6000, 9000], { max_rpm: 15200 }),
      m('Beckman Coulter', 'Beckman Coulter Allegra X-30R Centrifuge', [9000, 14000], { max_rpm: 18000 }),
    ],
    specs: withAttrs,
    describe: (s) => `Benchtop centrifuge, up to ${String(s.max_rpm)} rpm`,
  },
  'Lab balances': {
    models: [
      m('Mettler Toledo', 'Mettler Toledo XS205 Analytical Balance', [6000, 9000], { readability_mg: 0.01 }),
      m('Sartorius', 'Sartorius Quintix 224-1S Balance', [3000, 4500], { readability_mg: 0.1 }),
      m('Ohaus', 'Ohaus Explorer EX224 Balance', [2500, 3800], { readability_mg: 0.1 }),
    ],
    specs: withAttrs,
    describe: (s) => `Analytical balance, readability ${String(s.readability_mg)} mg`,
  },
  Projectors: {
    models: [
      m('Epson', 'Epson EB-L630U Laser Projector', [2800, 3600], { lumens: 6200 }),
      m('BenQ', 'BenQ LU710 Laser Projector', [1100, 1500], { lumens: 4000 }),
      m('Sony', 'Sony VPL-PHZ61 Laser Projector', [3500, 4500], { lumens: 6400 }),
      m('Optoma', 'Optoma ZH507 Laser Projector', [1300, 1800], { lumens: 5500 }),
    ],
    specs: withAttrs,
    describe: (s) => `Laser projector, ${String(s.lumens)} lumens`,
  },
  'Video conferencing': {
    models: [
      m('Poly', 'Poly Studio X50 Video Bar', [2500, 3300], { room_size: 'medium' }),
      m('Logitech', 'Logitech Rally Bar', [3500, 4200], { room_size: 'large' }),
      m('Cisco', 'Cisco Webex Room Kit Mini', [2000, 2800], { room_size: 'small' }),
      m('Neat', 'Neat Bar Pro', [3800, 4600], { room_size: 'large' }),
      m('Samsung', 'Samsung QM65C 65-inch Display', [1800, 2500], { room_size: 'medium' }),
    ],
    specs: withAttrs,
    describe: (s) => `Video conferencing for a ${String(s.room_size)} room`,
  },
  'IT spares': {
    models: [
      m('Samsung', 'Samsung 990 PRO 1TB NVMe SSD', [90, 140], { part: 'ssd' }),
      m('Crucial', 'Crucial 16GB DDR5 SODIMM', [45, 70], { part: 'memory' }),
      m('Dell', 'Dell 130W USB-C Power Adapter', [60, 95], { part: 'power adapter' }),
      m('Seagate', 'Seagate Exos X18 16TB HDD', [280, 380], { part: 'hdd' }),
      m('Cisco', 'Cisco SFP-10G-SR Transceiver', [60, 400], { part: 'optic' }),
      m('APC', 'APC RBC7 Replacement Battery', [180, 260], { part: 'ups battery' }),
    ],
    specs: withAttrs,
    describe: (s) => `Spare ${String(s.part)}`,
  },
  'Mechanical spares': {
    models: [
      m('SKF', 'SKF 6205 Deep Groove Ball Bearing', [8, 25], { part: 'bearing' }),
      m('Gates', 'Gates PowerGrip Timing Belt', [20, 70], { part: 'belt' }),
      m('Festo', 'Festo DSBC Pneumatic Cylinder', [120, 320], { part: 'pneumatic cylinder' }),
      m('Parker', 'Parker Hydraulic Hose Assembly', [40, 150], { part: 'hose' }),
      m('Bosch Rexroth', 'Bosch Rexroth Linear Guide Rail', [150, 450], { part: 'linear guide' }),
    ],
    specs: withAttrs,
    describe: (s) => `Spare ${String(s.part)}`,
  },
};
