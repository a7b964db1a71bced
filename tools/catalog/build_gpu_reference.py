#!/usr/bin/env python3
"""Builds src/DeepSeekHw.Core/Catalog/Data/gpus-reference.json: the GPUs people own that the hand-written gpus.json does
not list, from Wikipedia's GPU tables, with every figure's source.

Inputs (public, pinned by the caller):
  --wikipedia  gpu.json of github.com/voidful/gpu-info-api, branch gpu-data: the tables of Wikipedia's "List of Nvidia
               graphics processing units", "List of AMD graphics processing units" and "List of Intel graphics
               processing units" as JSON (commit and date go into every source string).
  --gpu-ids    src/DeepSeekHw.Core/Catalog/Data/gpu-ids.json (PCI ID database devices and the chip table).
  --curated    src/DeepSeekHw.Core/Catalog/Data/gpus.json: GPUs listed there (by name or reported name) are skipped.

What Wikipedia gives is copied (memory, bandwidth, bus width, TDP, FP32 and FP16 TFLOPS at boost). Tensor throughput,
which the tables give for few GPUs, is derived from FP32 throughput by each architecture's published ratio (the
ratios and their sources are in TENSOR below) and marked "derived" in valueSources. Compute capability and gfx target
come from the chip table. Nothing is invented: a figure with no source is left out, and the reader refuses an entry
without memory or bandwidth, so such a GPU is skipped.

Usage: python3 tools/catalog/build_gpu_reference.py --wikipedia gpu.json --commit 03a6b34 --date 2025-06-16
"""
import argparse
import json
import math
import re
import sys

WIKI = {
    "NVIDIA": "Wikipedia, List of Nvidia graphics processing units",
    "AMD": "Wikipedia, List of AMD graphics processing units",
    "Intel": "Wikipedia, List of Intel graphics processing units",
}

# Dense tensor FP16 (FP32 accumulate, what PyTorch GEMMs use) per FP32 TFLOPS, by architecture and segment. GeForce
# parts run FP16 tensor math with FP32 accumulate at half the professional rate from Turing on.
TENSOR = {
    "Volta": (8, 8, "NVIDIA Tesla V100 GPU architecture whitepaper: 8 tensor cores x 64 FMA per SM per clock = 8x the FP32 rate"),
    "Turing": (8, 4, "NVIDIA Turing GPU architecture whitepaper, Appendix A: FP16 tensor with FP32 accumulate at 8x FP32 on Quadro/Tesla, 4x on GeForce"),
    "Ampere": (4, 2, "NVIDIA Ampere GA102 GPU architecture whitepaper, Appendix A: dense FP16 tensor with FP32 accumulate at 4x FP32 on RTX A-series, 2x on GeForce"),
    "Ampere-GA100": (16, 16, "NVIDIA A100 Tensor Core GPU architecture whitepaper: 312 dense FP16 TFLOPS at 19.5 FP32 TFLOPS (16x)"),
    "Ada Lovelace": (4, 2, "NVIDIA Ada GPU architecture whitepaper, Appendix A: dense FP16 tensor with FP32 accumulate at 4x FP32 on RTX/L-series, 2x on GeForce"),
    "Hopper": (14.77, 14.77, "NVIDIA H100 Tensor Core GPU architecture whitepaper: 989.4 dense FP16 TFLOPS at 67 FP32 TFLOPS (SXM5)"),
    "Blackwell": (4, 4, "NVIDIA RTX Blackwell GPU architecture whitepaper: dense FP16 tensor at 4x FP32 on RTX PRO; GeForce Blackwell measured at the same rate with FP32 accumulation (PyTorch BF16 matmuls of 235-240 TFLOPS on the RTX 5090 and 83 on the RTX 5090 Laptop, zzc0721/torch-performance-test-data issues #96, #116, #124), where Ada GeForce ran at half"),
    "RDNA 3": (2, 2, "AMD RDNA 3 instruction set (WMMA) and AMD product pages: peak FP16 matrix throughput at 2x FP32"),
    "RDNA 4": (4, 4, "AMD RDNA 4 instruction set (WMMA) and AMD product pages: dense FP16 matrix throughput at 4x FP32"),
}
FP8_ARCH = {"Ada Lovelace", "Hopper", "Blackwell", "RDNA 4"}  # FP8 tensor units at 2x the FP16 rate
BF16_ARCH = {"Ampere", "Ampere-GA100", "Ada Lovelace", "Hopper", "Blackwell", "RDNA 3", "RDNA 4", "CDNA", "CDNA 2", "CDNA 3"}
AMD_ARCH_KEEP = {"Polaris", "Vega", "CDNA", "CDNA 2", "CDNA 3", "CDNA 4", "RDNA", "RDNA 2", "RDNA 3", "RDNA 3.5", "RDNA 4"}
NVIDIA_ARCH_KEEP = {"Maxwell", "Pascal", "Volta", "Turing", "Ampere", "Ada Lovelace", "Hopper", "Blackwell", "Blackwell"}


# FP32 lanes (CUDA cores) per streaming multiprocessor, from each architecture's whitepaper: the SM count is the CUDA
# cores Wikipedia's "Core config" starts with, divided by this. GP100 and GA100 have the older 64-lane SM.
FP32_LANES_PER_SM = {"Maxwell": 128, "Pascal": 128, "Volta": 64, "Turing": 64, "Ampere": 128, "Ampere-GA100": 64,
                     "Ada Lovelace": 128, "Hopper": 128, "Blackwell": 128}
FP32_LANES_CHIPS = {"GP100": 64}
LANES_SOURCE = "NVIDIA architecture whitepapers (Pascal GP100, Volta, Turing, Ampere GA100 and GA102, Ada, Hopper, Blackwell): FP32 lanes per SM"

# Turing chips without tensor cores: FP16 runs on dedicated units at twice the FP32 rate (Turing whitepaper, TU116).
NO_TENSOR_CHIPS = {"TU116", "TU117"}
# Code names Wikipedia gives that the PCI ID database spells otherwise.
CHIP_ALIASES = {"Antares": "Aqua Vanjaram", "Aqua Vanjaram": "Aqua Vanjaram"}


def alternatives(name):
    """Products one PCI database name lists: "Radeon RX 6700/6700 XT/6750 XT" is three (as GpuIdDatabase reads it)."""
    parts = name.split("/")
    yield key(parts[0])
    words = parts[0].strip().split(" ")
    stem = " ".join(words[:-1]) if len(words) > 1 else ""
    for part in (p.strip() for p in parts[1:]):
        if part:
            yield key(stem + " " + part if part[0].isdigit() and stem else part)


def aliases(name, vendor):
    """The names a tool reports for it: with and without the vendor word; a laptop part as "Laptop GPU" or "Mobile".
    Exact names (compared as letters and digits) rather than patterns: found in one lookup, however long the catalog."""
    forms = {name}
    if name.endswith(" Laptop GPU"):
        forms.add(name[: -len(" Laptop GPU")] + " Mobile")
    prefix = {"NVIDIA": "NVIDIA ", "AMD": "AMD ", "Intel": "Intel(R) "}[vendor]
    return sorted(forms | {prefix + f for f in forms})


def numbers(value):
    if value is None:
        return []
    text = str(value).replace(",", "")
    if text.strip().lower() in ("nan", "", "no", "n/a", "-"):
        return []
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]


def first_field(row, *patterns):
    for pattern in patterns:
        for key, value in row.items():
            if re.search(pattern, key, re.I) and numbers(value):
                return key, value
    return None, None


def text_field(row, *keys):
    for key in keys:
        value = row.get(key)
        if value not in (None, "nan", ""):
            return str(value)
    return None


def display_name(row, vendor):
    name = text_field(row, "Model name", "Model", "Model (Code name)", "Model (Codename)")
    if not name:
        return None
    name = re.sub(r"\s*\((?:[A-Z][A-Za-z]+(?: \d+)?(?: [A-Z]+)?|Navi \d+|Vega \d+|Antares|Aqua Vanjaram|Arcturus|Aldebaran)\)\s*$", "", name).strip()
    name = re.sub(r"^AMD\s+", "", name)
    name = re.sub(r"\s+", " ", name)
    form = None
    m = re.match(r"^(\w+) GPU accelerator(?: \((.+)\))?$", name)
    if m:
        model, form = m.group(1), m.group(2)
        name = ("Tesla " + model) if re.match(r"^[PVTMK]\d", model) else model
        if form and "SXM" in form:
            name += " SXM"
        elif form and ("PCIe" in form or "card" in form) and re.match(r"^(V100|P100|H100|H200|A100)", model):
            name += " PCIe"
    m = re.match(r"^(\d{4}(?: Ti)?) Laptop$", name)
    if m:
        name = "GeForce RTX " + m.group(1) + " Laptop GPU"
    name = name.replace("Mobile/ Laptop", "Laptop GPU").replace("Mobile/Laptop", "Laptop GPU")
    return name


SHORTER = [(" Workstation Edition", " WS"), (" Server Edition", " SE"), (" Ada Generation", " Ada"), (" Anniversary Edition", " AE"),
           (" Frontier Edition", " FE"), ("Liquid-cooled", "LC"), ("Liquid Cooled", "LC"), (" CEO Edition", " CEO"), (" Laptop GPU", " Laptop")]


def short_name(name):
    """What people type, at most 24 characters (the width of the Name column): RTX-PRO-6000-BW-Max-Q-WS."""
    for long_form, short_form in SHORTER:
        name = re.sub(re.escape(long_form), short_form, name, flags=re.I)
    name = re.sub(r"^Nvidia ", "", name, flags=re.I)
    short = re.sub(r"^(GeForce|Radeon Instinct|Instinct|Radeon) ", lambda m: "" if m.group(1) in ("GeForce", "Instinct", "Radeon Instinct") else "Radeon ", name)
    if short.startswith("Radeon RX "):
        short = short[len("Radeon "):]
    short = re.sub(r"[^A-Za-z0-9.]+", "-", short).strip("-")
    return short.replace("-Blackwell", "-BW") if len(short) > 24 else short


def key(name):
    return re.sub(r"[^A-Z0-9]", "", re.sub(r"^(NVIDIA|AMD|ATI)\s+", "", name.upper()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wikipedia", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--gpu-ids", default="src/DeepSeekHw.Core/Catalog/Data/gpu-ids.json")
    parser.add_argument("--curated", default="src/DeepSeekHw.Core/Catalog/Data/gpus.json")
    parser.add_argument("--output", default="src/DeepSeekHw.Core/Catalog/Data/gpus-reference.json")
    args = parser.parse_args()

    wiki = json.load(open(args.wikipedia, encoding="utf-8"))
    ids = json.load(open(args.gpu_ids, encoding="utf-8"))
    curated = json.load(open(args.curated, encoding="utf-8"))["gpus"]
    via = f" (as of {args.date}, via github.com/voidful/gpu-info-api gpu-data@{args.commit})"
    curated_keys = set()
    curated_patterns = []
    for g in curated:
        curated_keys.update(key(n) for n in [g["name"], g.get("displayName") or ""] + g.get("aliases", []))
        curated_patterns += [re.compile(p, re.I) for p in g.get("match", [])]

    chips = ids["chips"]
    by_pci_name = {}
    for d in ids["devices"]:
        for alternative in set(alternatives(d["name"])):
            by_pci_name.setdefault(alternative, []).append(d)

    def chip_of(row, vendor, name):
        code = text_field(row, "Code name", "Core", "Code name(s)") or ""
        code = re.sub(r"^\d+\s*[x×]\s*", "", code)
        texts = [code, text_field(row, "Model (Code name)", "Model (Codename)") or "", name]
        texts = [re.sub(r"\b(" + "|".join(CHIP_ALIASES) + r")\b", lambda m: CHIP_ALIASES[m.group(1)], t) for t in texts]
        for text in texts:
            for c in sorted((c for c in chips if c["vendor"] == vendor), key=lambda c: -len(c["chip"])):
                if re.search(r"(^|[\s(\[])" + re.escape(c["chip"]) + r"(?![0-9])", text) and (not c.get("match") or re.search(c["match"], name, re.I)):
                    return c
        return None

    gpus, seen = [], {}
    for row_id, row in wiki.items():
        vendor = row.get("Vendor")
        if vendor not in ("NVIDIA", "AMD", "Intel"):
            continue
        name = display_name(row, vendor)
        if not name or len(name) < 3:
            continue
        chip = chip_of(row, vendor, name) if vendor != "Intel" else None
        if vendor == "Intel" and not re.match(r"^Data Center GPU", name):
            continue
        architecture = chip["architecture"] if chip else ("Xe-HPC" if vendor == "Intel" else None)
        if vendor == "NVIDIA" and (architecture not in NVIDIA_ARCH_KEEP):
            continue
        if vendor == "AMD" and (architecture not in AMD_ARCH_KEEP):
            continue
        if key(name) in curated_keys or any(p.search(("NVIDIA " if vendor == "NVIDIA" else "AMD ") + name.upper()) or p.search(name.upper()) for p in curated_patterns):
            continue

        sources = {}
        source = WIKI[vendor] + via
        mem_key, mem_value = first_field(row, r"^Memory Size \(GiB\)$", r"^Memory Size \(GB\)$", r"Memory configuration Size \(GiB\)", r"^Memory Size$", r"^Memory \(GB\)$", r"^Memory Size \(MiB\)$", r"^Memory Size \(MB\)$")
        if not mem_key:
            continue
        sizes = numbers(mem_value)
        unit = 1024 ** 2 if re.search(r"MiB|MB", mem_key) else 1024 ** 3 if (re.search(r"GiB", mem_key) or "GB" in str(mem_value) or "GB" in mem_key) else 1024 ** 3
        memory = int(max(sizes) * unit)
        if memory < 512 * 1024 ** 2:
            continue
        bw_key, bw_value = first_field(row, r"^Memory Bandwidth \(GB/s\)$", r"Memory configuration Bandwidth \(GB/s\)", r"^Memory Bandwidth$")
        bandwidth = max(numbers(bw_value)) * 1e9 if bw_key else None
        bus_key, bus_value = first_field(row, r"Bus width", r"Bus type & width")
        bus = max(numbers(bus_value)) if bus_key else None
        if bus_key and "type & width" in bus_key:
            bus = max([n for n in numbers(bus_value) if n >= 32] or [0]) or None
        if not bandwidth:
            continue
        mem_type = text_field(row, "Memory Bus type", "Memory configuration DRAM type", "Memory Type") or (str(row.get("Memory Bus type & width")).split(" ")[0] if row.get("Memory Bus type & width") else "")
        tdp_key, tdp_value = first_field(row, r"^TDP", r"^TBP")
        tdp = int(max(numbers(tdp_value))) if tdp_key else None
        fp32_key, fp32_value = first_field(row, r"Single")
        fp32 = max(numbers(fp32_value)) / (1000 if "GFLOPS" in fp32_key else 1) if fp32_key else None
        half_key, half_value = first_field(row, r"Half precision$", r"\) Half$", r"Half precision Tensor Core FP32 Accumulate")
        half = max(numbers(half_value)) / (1000 if half_key and "GFLOPS" in half_key else 1) if half_key else None

        arch_key = "Ampere-GA100" if chip and chip["chip"] == "GA100" else architecture
        pro = vendor != "NVIDIA" or not re.match(r"^(GeForce|TITAN|Titan)", name) or "TITAN" in name.upper() and arch_key == "Turing"
        fp16 = bf16 = fp8 = int8 = None
        tensor_key, tensor_value = first_field(row, r"Half precision Tensor Core FP32 Accumulate")
        if tensor_key:
            fp16 = max(numbers(tensor_value))
            sources["denseFp16Tflops"] = source + ", " + tensor_key
        elif chip and chip["chip"] in NO_TENSOR_CHIPS and fp32:
            fp16 = round(fp32 * 2, 1)
            sources["denseFp16Tflops"] = f"derived: FP32 {fp32:g} TFLOPS ({WIKI[vendor]}) x 2, FP16 units without tensor cores, per the NVIDIA Turing TU116 whitepaper"
        elif arch_key in TENSOR and fp32:
            full, geforce, why = TENSOR[arch_key]
            fp16 = round(fp32 * (full if pro else geforce), 1)
            sources["denseFp16Tflops"] = f"derived: FP32 {fp32:g} TFLOPS ({WIKI[vendor]}) x {full if pro else geforce}, per {why}"
        elif architecture in ("CDNA", "CDNA 2", "CDNA 3", "CDNA 4", "Vega", "RDNA", "RDNA 2", "RDNA 3.5") and half:
            # The column lists base and boost clocks for Radeon and CDNA 1 (take the boost figure), dense and sparse for CDNA 3 (take dense).
            fp16 = numbers(half_value)[0] / (1000 if "GFLOPS" in half_key else 1) if architecture in ("CDNA 3", "CDNA 4") else half
            sources["denseFp16Tflops"] = source + ", " + half_key + " (peak)"
        elif vendor == "Intel" and row.get("Processing power (TFLOPS) Bfloat16"):
            fp16 = max(numbers(row["Processing power (TFLOPS) Bfloat16"]))
            sources["denseFp16Tflops"] = source + ", Processing power (TFLOPS) Bfloat16"
        if fp16 and (arch_key in BF16_ARCH or vendor == "Intel"):
            bf16 = fp16
            sources["denseBf16Tflops"] = "as denseFp16Tflops (BF16 runs at the FP16 rate on this architecture)"
        if fp16 and arch_key in FP8_ARCH:
            fp8 = round(fp16 * 2, 1)
            sources["denseFp8Tflops"] = "derived: 2 x denseFp16Tflops (FP8 tensor units at twice the 16-bit rate, per the architecture whitepaper)"
        if fp16 and vendor == "NVIDIA" and arch_key in TENSOR and arch_key != "Volta" and not (chip and chip["chip"] in NO_TENSOR_CHIPS):
            full = TENSOR[arch_key][0]
            int8 = round(fp32 * full * 2, 1)
            sources["denseInt8Tops"] = "derived: 2 x the professional FP16 tensor rate (INT8 tensor math is not halved on GeForce), per " + TENSOR[arch_key][2]

        # Multiprocessors and boost clock (llama.cpp's decode kernels are limited by their product): NVIDIA only, and only
        # where the CUDA cores divide into whole SMs and the FP32 rate or the listed boost clock gives the clock.
        sms = boost = None
        # The consumer tables give "Core config" (cores first); the data-centre table "Shaders CUDA cores (total)", which
        # for a board of several GPUs ("2× GK210") is their sum, so those are left out.
        cores_key = "Core config" if row.get("Core config") not in (None, "nan") else "Shaders CUDA cores (total)"
        cores = numbers(str(row.get(cores_key)).split(":")[0]) if vendor == "NVIDIA" and row.get(cores_key) not in (None, "nan") else []
        several = re.match(r"^\s*([2-9])\s*[x×]", str(row.get("Core") or ""))
        lanes = FP32_LANES_CHIPS.get(chip["chip"]) if chip and chip["chip"] in FP32_LANES_CHIPS else FP32_LANES_PER_SM.get(arch_key)
        if cores and lanes and cores[0] % lanes == 0 and not several:
            boost_key = "Boost clock (MHz)" if numbers(row.get("Boost clock (MHz)")) else "Shaders Max boost clock (MHz)"
            listed = numbers(row.get(boost_key))
            clock = max(listed) if listed else (fp32 * 1e6 / (2 * cores[0]) if fp32 else None)
            if clock and 100 <= clock <= 10000:
                sms, boost = int(cores[0] // lanes), int(round(clock))
                sources["multiprocessors"] = f"derived: {cores[0]:g} CUDA cores ({WIKI[vendor]}, {cores_key}) / {lanes} per SM, per {LANES_SOURCE}"
                sources["boostClockMhz"] = source + ", " + boost_key if listed else f"derived: FP32 {fp32:g} TFLOPS ({WIKI[vendor]}) / (2 x {cores[0]:g} CUDA cores)"

        cc = chip.get("computeCapability") if chip else None
        gfx = chip.get("gfxTarget") if chip else None
        if cc:
            sources["computeCapability"] = "chip " + chip["chip"] + ": " + ids["nvidiaSource"]
        if gfx:
            sources["gfxTarget"] = "chip " + chip["chip"] + ": " + ids["amdSource"]
        pci = sorted({d["id"] for d in by_pci_name.get(key(name), [])} | {d["id"] for k2, ds in by_pci_name.items() if k2 in (key(name) + "LITEHASHRATE", key(name) + "LHR") for d in ds})
        if pci:
            sources["pciDeviceIds"] = ids["pciIds"]
        if tdp:
            sources["tdpWatts"] = source + ", " + tdp_key
        sources["memoryBytes"] = source + ", " + mem_key + (" (largest of the variants listed)" if len(sizes) > 1 else "")
        sources["memoryBandwidthBytesPerSecond"] = source + ", " + bw_key

        short = short_name(name)
        mobile = re.search(r"Mobile|Laptop|Max-Q", name)
        entry = {
            "name": short,
            "displayName": name,
            "aliases": aliases(name, vendor),
            "vendor": vendor,
            "architecture": architecture,
            "formFactor": "laptop" if mobile else "",
            "memoryBytes": memory,
            "memoryType": mem_type or "",
            "memoryBandwidthBytesPerSecond": int(bandwidth),
            "denseBf16Tflops": bf16,
            "denseFp16Tflops": fp16,
            "denseFp8Tflops": fp8,
            "denseInt8Tops": int8,
            "tdpWatts": tdp,
            "computeCapability": cc,
            "gfxTarget": gfx,
            "multiprocessors": sms,
            "boostClockMhz": boost,
            "pciDeviceIds": pci,
            "confidence": "medium",
            "source": source + (f"; {bus:g}-bit bus" if bus else ""),
            "valueSources": sources,
            "notes": "Variants with more memory exist: sized on the largest; the driver's report decides on a real machine." if len(sizes) > 1 else "",
        }
        # The same product in two tables (desktop and mobile rows of one name): keep the desktop one, the higher TDP.
        previous = seen.get(key(name))
        if previous is not None:
            if (previous["tdpWatts"] or 0) >= (tdp or 0):
                continue
            gpus.remove(previous)
        seen[key(name)] = entry
        gpus.append(entry)

    # A PCI id names one catalog entry or none: ids that several products share (Navi 22 is the RX 6700, 6700 XT and
    # 6750 XT) identify the chip, not the product, so the name decides those.
    owners = {}
    for g in gpus + curated:
        for pci_id in g.get("pciDeviceIds", []):
            owners[pci_id] = owners.get(pci_id, 0) + 1
    for g in gpus:
        g["pciDeviceIds"] = [i for i in g["pciDeviceIds"] if owners[i] == 1]
        if not g["pciDeviceIds"]:
            g["valueSources"].pop("pciDeviceIds", None)

    gpus.sort(key=lambda g: (g["vendor"], g["architecture"], g["name"]))
    document = {"schema": "deepseekhw/catalog@1", "generatedBy": "tools/catalog/build_gpu_reference.py", "gpus": gpus}
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{len(gpus)} GPUs written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
