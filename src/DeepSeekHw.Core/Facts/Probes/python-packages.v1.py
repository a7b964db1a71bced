# DeepSeekHw Python probe, version 1 (fact source id: "python3 -S -c <python-packages.v1.py>").
# Prints the interpreter's version and the versions of the ML packages installed for it, read from the names of the
# package metadata directories (name-version.dist-info / .egg-info) on sys.path and the site directories (venv-aware),
# and torch/version.py as text. Runs with -S: site's .pth files are third-party code (some import certifi, setuptools or
# a whole framework) that would run on every inventory; the site directories come from site's own functions instead,
# and nothing else is imported. Any edit is a new version: a new file name, so recorded bundles keep saying what ran.
import sys, os, site
want = {'torch', 'tensorflow', 'vllm', 'sglang', 'transformers', 'deepspeed', 'flash_attn', 'accelerate', 'triton',
        'xformers', 'llama_cpp_python', 'tensorrt_llm', 'bitsandbytes', 'auto_gptq', 'autoawq', 'nvidia_cudnn_cu12',
        'nvidia_cudnn_cu11', 'nvidia_nccl_cu12', 'nvidia_nccl_cu11', 'nvidia_cuda_runtime_cu12'}
def q(s):
    return '"' + ''.join(c if ' ' <= c < '\x7f' and c not in '"\\' else '\\u%04x' % ord(c) if ord(c) < 0x10000 else '?' for c in s) + '"'
prefixes, user, venv = [sys.prefix, sys.exec_prefix], not sys.flags.no_user_site, None
for d in (os.path.dirname(sys.executable), os.path.dirname(os.path.dirname(sys.executable))):
    if os.path.isfile(os.path.join(d, 'pyvenv.cfg')):
        venv = d
        break
if venv:
    system = False
    with open(os.path.join(venv, 'pyvenv.cfg')) as f:
        for line in f:
            k, _, v = line.partition('=')
            if k.strip().lower() == 'include-system-site-packages':
                system = v.strip().lower() == 'true'
    prefixes, user = [venv] + (prefixes if system else []), user and system
found = {}
for d in sys.path + site.getsitepackages(prefixes) + ([site.getusersitepackages()] if user else []):
    try:
        entries = sorted(os.listdir(d or '.'))
    except OSError:
        continue
    for e in entries:
        suffix = '.dist-info' if e.endswith('.dist-info') else '.egg-info' if e.endswith('.egg-info') else None
        parts = e[:-len(suffix)].split('-') if suffix else []
        key = parts[0].lower().replace('.', '_') if parts else None
        if key in want and len(parts) > 1 and key not in found:
            info = {'version': parts[1]}
            if key == 'torch':
                try:
                    with open(os.path.join(d, 'torch', 'version.py')) as f:
                        info['versionPy'] = f.read()
                except OSError:
                    pass
            found[key] = info
packages = ', '.join(q(k) + ': {' + ', '.join(q(a) + ': ' + q(b) for a, b in sorted(i.items())) + '}' for k, i in sorted(found.items()))
print('{"python": ' + q(sys.version.split()[0]) + ', "packages": {' + packages + '}}')
