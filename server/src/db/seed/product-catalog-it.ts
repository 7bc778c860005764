// Product vocabulary for IT hardware and network kit: real model names, plausible prices and specifications.
import type { Faker } from '@faker-js/faker';

export interface ProductModel {
  brand: string;
  name: string;
  /** Purchase price range in whole currency units. */
  price: [number, number];
  /** Fixed specifications of the model (screen size, ports…), merged into the generated ones. */
  attrs?: Record<string, unknown>;
}

export interface ProductLine {
  models: ProductModel[];
  specs(faker: Faker, model: ProductModel): Record<string, unknown>;
  describe(specs: Record<string, unknown>): string;
  /** The configuration that tells one unit of a model from another, appended to its name. */
  variant?(specs: Record<string, unknown>): string;
}

const m = (brand: string, name: string, price: [number, number], attrs?: Record<string, unknown>) =>
  attrs ? { brand, name, price, attrs } : { brand, name, price };

const intelCpus = [
  'Intel Core i5-1345U',
  'Intel Core i7-1365U',
  'Intel Core Ultra 7 165U',
  'AMD Ryzen 7 PRO 7840U',
];
const appleCpus = ['Apple M2', 'Apple M3', 'Apple M3 Pro'];
const desktopCpus = [
  'Intel Core i5-13500',
  'Intel Core i7-13700',
  'Intel Core i9-13900K',
  'AMD Ryzen 7 PRO 7745',
];

function computerSpecs(faker: Faker, model: ProductModel, cpus: string[], memory: number[]) {
  const apple = model.brand === 'Apple';
  return {
    cpu: faker.helpers.arrayElement(apple ? appleCpus : cpus),
    ram_gb: faker.helpers.arrayElement(apple ? [8, 16, 18, 36] : memory),
    storage_gb: faker.helpers.arrayElement([256, 512, 512, 1024]),
    os: apple
      ? 'macOS'
      : faker.helpers.weightedArrayElement([
          { weight: 9, value: 'Windows 11 Pro' },
          { weight: 1, value: 'Ubuntu 24.04 LTS' },
        ]),
    ...model.attrs,
  };
}

export const itProductLines: Record<string, ProductLine> = {
  Laptops: {
    models: [
      m('Dell', 'Dell Latitude 7440', [1400, 1900], { screen_in: 14, weight_kg: 1.4 }),
      m('Dell', 'Dell Latitude 5540', [1000, 1400], { screen_in: 15.6, weight_kg: 1.6 }),
      m('Dell', 'Dell XPS 13 9340', [1300, 1800], { screen_in: 13.4, weight_kg: 1.2 }),
      m('Lenovo', 'Lenovo ThinkPad T14 Gen 4', [1200, 1700], { screen_in: 14, weight_kg: 1.3 }),
      m('Lenovo', 'Lenovo ThinkPad X1 Carbon Gen 11', [1700, 2400], { screen_in: 14, weight_kg: 1.1 }),
      m('Lenovo', 'Lenovo ThinkPad E16 Gen 1', [800, 1100], { screen_in: 16, weight_kg: 1.8 }),
      m('HP', 'HP EliteBook 840 G10', [1300, 1800], { screen_in: 14, weight_kg: 1.4 }),
      m('HP', 'HP ProBook 450 G10', [800, 1100], { screen_in: 15.6, weight_kg: 1.8 }),
      m('Apple', 'Apple MacBook Pro 14 M3', [1999, 2999], { screen_in: 14.2, weight_kg: 1.6 }),
      m('Apple', 'Apple MacBook Air 13 M2', [1099, 1499], { screen_in: 13.6, weight_kg: 1.2 }),
      m('Microsoft', 'Microsoft Surface Laptop 5', [1200, 1700], { screen_in: 13.5, weight_kg: 1.3 }),
    ],
    specs: (faker, model) => computerSpecs(faker, model, intelCpus, [8, 16, 16, 32]),
    describe: (s) =>
      `${String(s.screen_in)}-inch laptop, ${String(s.cpu)}, ${String(s.ram_gb)} GB RAM, ${String(s.storage_gb)} GB SSD`,
    variant: (s) => `(${String(s.ram_gb)} GB, ${String(s.storage_gb)} GB SSD)`,
  },
  Desktops: {
    models: [
      m('Dell', 'Dell OptiPlex 7010 Micro', [700, 1100], { form_factor: 'micro' }),
      m('Dell', 'Dell Precision 3660 Tower', [1500, 2800], { form_factor: 'tower' }),
      m('Lenovo', 'Lenovo ThinkCentre M70q Gen 4', [650, 1000], { form_factor: 'tiny' }),
      m('Lenovo', 'Lenovo ThinkStation P3 Tower', [1400, 2600], { form_factor: 'tower' }),
      m('HP', 'HP Elite Mini 800 G9', [750, 1150], { form_factor: 'mini' }),
      m('HP', 'HP Z2 G9 Tower Workstation', [1500, 3000], { form_factor: 'tower' }),
      m('Apple', 'Apple Mac mini M2', [599, 999], { form_factor: 'mini' }),
      m('Apple', 'Apple iMac 24 M3', [1299, 1999], { form_factor: 'all-in-one' }),
    ],
    specs: (faker, model) => computerSpecs(faker, model, desktopCpus, [16, 32, 64]),
    describe: (s) => `${String(s.form_factor)} desktop, ${String(s.cpu)}, ${String(s.ram_gb)} GB RAM`,
    variant: (s) => `(${String(s.ram_gb)} GB, ${String(s.storage_gb)} GB SSD)`,
  },
  Monitors: {
    models: [
      m('Dell', 'Dell UltraSharp U2723QE', [450, 650], {
        screen_in: 27,
        resolution: '3840x2160',
        panel: 'IPS',
      }),
      m('Dell', 'Dell P2422H', [180, 260], { screen_in: 24, resolution: '1920x1080', panel: 'IPS' }),
      m('LG', 'LG 27UP850-W', [350, 480], { screen_in: 27, resolution: '3840x2160', panel: 'IPS' }),
      m('Samsung', 'Samsung ViewFinity S8 32', [450, 600], {
        screen_in: 32,
        resolution: '3840x2160',
        panel: 'VA',
      }),
      m('HP', 'HP E24 G5', [170, 240], { screen_in: 24, resolution: '1920x1080', panel: 'IPS' }),
      m('Lenovo', 'Lenovo ThinkVision T27h-30', [300, 420], {
        screen_in: 27,
        resolution: '2560x1440',
        panel: 'IPS',
      }),
      m('Apple', 'Apple Studio Display', [1599, 1999], {
        screen_in: 27,
        resolution: '5120x2880',
        panel: 'IPS',
      }),
      m('BenQ', 'BenQ PD2705U', [400, 550], { screen_in: 27, resolution: '3840x2160', panel: 'IPS' }),
    ],
    specs: (faker, model) => ({ ...model.attrs, usb_c: faker.datatype.boolean(), height_adjustable: true }),
    describe: (s) => `${String(s.screen_in)}-inch ${String(s.panel)} monitor, ${String(s.resolution)}`,
  },
  Phones: {
    models: [
      m('Apple', 'Apple iPhone 15', [799, 999]),
      m('Apple', 'Apple iPhone 14', [699, 899]),
      m('Samsung', 'Samsung Galaxy S24', [799, 999]),
      m('Samsung', 'Samsung Galaxy A54', [399, 499]),
      m('Google', 'Google Pixel 8', [699, 899]),
      m('Google', 'Google Pixel 7a', [449, 549]),
    ],
    specs: (faker) => ({
      storage_gb: faker.helpers.arrayElement([128, 128, 256, 512]),
      color: faker.helpers.arrayElement(['black', 'white', 'blue', 'graphite']),
      imei: faker.string.numeric(15),
    }),
    describe: (s) => `Smartphone, ${String(s.storage_gb)} GB, ${String(s.color)}`,
    variant: (s) => `${String(s.storage_gb)} GB ${String(s.color)}`,
  },
  Tablets: {
    models: [
      m('Apple', 'Apple iPad Air 11 M2', [599, 899]),
      m('Apple', 'Apple iPad 10th generation', [349, 499]),
      m('Samsung', 'Samsung Galaxy Tab S9', [799, 999]),
      m('Microsoft', 'Microsoft Surface Pro 9', [999, 1599]),
      m('Lenovo', 'Lenovo Tab P11 Gen 2', [299, 399]),
    ],
    specs: (faker) => ({
      storage_gb: faker.helpers.arrayElement([64, 128, 256]),
      cellular: faker.datatype.boolean(),
    }),
    describe: (s) => `Tablet, ${String(s.storage_gb)} GB${s.cellular ? ', cellular' : ''}`,
    variant: (s) => `${String(s.storage_gb)} GB${s.cellular ? ' Cellular' : ''}`,
  },
  Printers: {
    models: [
      m('HP', 'HP LaserJet Pro M404dn', [280, 380], { type: 'mono laser' }),
      m('HP', 'HP Color LaserJet Enterprise M555dn', [900, 1300], { type: 'colour laser' }),
      m('Brother', 'Brother HL-L6210DW', [300, 420], { type: 'mono laser' }),
      m('Canon', 'Canon imageRUNNER ADVANCE C3826i', [3500, 5200], { type: 'multifunction' }),
      m('Xerox', 'Xerox VersaLink C405', [700, 1000], { type: 'multifunction' }),
      m('Zebra', 'Zebra ZD421 Label Printer', [400, 600], { type: 'thermal label' }),
    ],
    specs: (faker, model) => ({
      ...model.attrs,
      duplex: model.attrs?.type !== 'thermal label',
      network: true,
    }),
    describe: (s) => `${String(s.type)} printer`,
  },
  Servers: {
    models: [
      m('Dell', 'Dell PowerEdge R660', [7000, 14000], { rack_units: 1 }),
      m('Dell', 'Dell PowerEdge R760', [9000, 22000], { rack_units: 2 }),
      m('HPE', 'HPE ProLiant DL360 Gen11', [7500, 15000], { rack_units: 1 }),
      m('HPE', 'HPE ProLiant DL380 Gen11', [9500, 24000], { rack_units: 2 }),
      m('Lenovo', 'Lenovo ThinkSystem SR650 V3', [9000, 21000], { rack_units: 2 }),
      m('Cisco', 'Cisco UCS C220 M7', [8000, 16000], { rack_units: 1 }),
    ],
    specs: (faker, model) => ({
      cpu: faker.helpers.arrayElement([
        '2x Intel Xeon Gold 6430',
        '2x Intel Xeon Silver 4416+',
        'AMD EPYC 9354',
      ]),
      ram_gb: faker.helpers.arrayElement([128, 256, 512, 1024]),
      drives: faker.helpers.arrayElement([
        '4x 1.92 TB NVMe',
        '8x 3.84 TB SSD',
        '2x 480 GB SSD + 6x 8 TB HDD',
      ]),
      rack_position: `R${faker.number.int({ min: 1, max: 12 })}-U${faker.number.int({ min: 1, max: 42 })}`,
      ...model.attrs,
    }),
    describe: (s) => `${String(s.rack_units)}U rack server, ${String(s.cpu)}, ${String(s.ram_gb)} GB RAM`,
    variant: (s) => `(${String(s.ram_gb)} GB)`,
  },
  Peripherals: {
    models: [
      m('Logitech', 'Logitech MX Keys S Keyboard', [90, 120], { kind: 'keyboard' }),
      m('Logitech', 'Logitech MX Master 3S Mouse', [80, 110], { kind: 'mouse' }),
      m('Logitech', 'Logitech Brio 4K Webcam', [150, 200], { kind: 'webcam' }),
      m('Dell', 'Dell WD19S USB-C Dock', [180, 260], { kind: 'dock' }),
      m('Lenovo', 'Lenovo ThinkPad Universal USB-C Dock', [190, 270], { kind: 'dock' }),
      m('Jabra', 'Jabra Evolve2 65 Headset', [200, 280], { kind: 'headset' }),
      m('Poly', 'Poly Voyager Focus 2 Headset', [220, 300], { kind: 'headset' }),
      m('Apple', 'Apple Magic Keyboard with Touch ID', [149, 199], { kind: 'keyboard' }),
    ],
    specs: (faker, model) => ({
      ...model.attrs,
      wireless: model.attrs?.kind !== 'dock' && faker.datatype.boolean(),
    }),
    describe: (s) =>
      s.kind === 'dock' ? 'USB-C docking station' : `${s.wireless ? 'Wireless' : 'Wired'} ${String(s.kind)}`,
  },
};

function networkSpecs(faker: Faker, model: ProductModel) {
  return {
    ...model.attrs,
    firmware: `${faker.number.int({ min: 7, max: 17 })}.${faker.number.int(12)}.${faker.number.int(9)}`,
  };
}

export const networkProductLines: Record<string, ProductLine> = {
  Switches: {
    models: [
      m('Cisco', 'Cisco Catalyst 9200L-48P-4G', [3500, 5500], { ports: 48, poe: true }),
      m('Cisco', 'Cisco Catalyst 9300-24T', [5000, 8000], { ports: 24, poe: false }),
      m('Aruba', 'Aruba CX 6100 48G Class4 PoE', [2200, 3200], { ports: 48, poe: true }),
      m('Juniper', 'Juniper EX2300-48P', [2500, 3800], { ports: 48, poe: true }),
      m('Ubiquiti', 'Ubiquiti UniFi Switch Pro 48 PoE', [1000, 1400], { ports: 48, poe: true }),
      m('Netgear', 'Netgear M4250-26G4F-PoE+', [1200, 1700], { ports: 26, poe: true }),
    ],
    specs: networkSpecs,
    describe: (s) => `${String(s.ports)}-port ${s.poe ? 'PoE ' : ''}switch, firmware ${String(s.firmware)}`,
  },
  Routers: {
    models: [
      m('Cisco', 'Cisco ISR 1111-8P Router', [1200, 1800], { wan_ports: 2 }),
      m('Cisco', 'Cisco Catalyst 8200L Edge Router', [2500, 3600], { wan_ports: 2 }),
      m('Juniper', 'Juniper SRX300 Services Gateway', [900, 1400], { wan_ports: 2 }),
      m('MikroTik', 'MikroTik CCR2004-16G-2S+ Router', [450, 600], { wan_ports: 2 }),
      m('Ubiquiti', 'Ubiquiti UniFi Dream Machine Pro', [380, 450], { wan_ports: 2 }),
    ],
    specs: networkSpecs,
    describe: (s) => `Edge router, firmware ${String(s.firmware)}`,
  },
  'Wireless access points': {
    models: [
      m('Cisco', 'Cisco Meraki MR46 Access Point', [900, 1200], { wifi: '6' }),
      m('Aruba', 'Aruba AP-515 Access Point', [700, 950], { wifi: '6' }),
      m('Ubiquiti', 'Ubiquiti UniFi U6 Pro Access Point', [150, 190], { wifi: '6' }),
      m('Ruckus', 'Ruckus R650 Access Point', [750, 1000], { wifi: '6' }),
      m('Juniper', 'Juniper Mist AP43 Access Point', [900, 1250], { wifi: '6' }),
    ],
    specs: networkSpecs,
    describe: (s) => `Wi-Fi ${String(s.wifi)} ceiling access point`,
  },
  Firewalls: {
    models: [
      m('Fortinet', 'Fortinet FortiGate 100F', [2500, 3500], { throughput_gbps: 20 }),
      m('Palo Alto Networks', 'Palo Alto Networks PA-440', [1200, 1800], { throughput_gbps: 3 }),
      m('Cisco', 'Cisco Firepower 1120', [3500, 5000], { throughput_gbps: 1.5 }),
      m('Sophos', 'Sophos XGS 2100 Firewall', [1500, 2200], { throughput_gbps: 30 }),
    ],
    specs: networkSpecs,
    describe: (s) => `Next-generation firewall, ${String(s.throughput_gbps)} Gbps`,
  },
};
