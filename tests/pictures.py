#!/usr/bin/env python3
"""The pictures, end to end: the timeline's time axis (columns proportional
to time within a run, a break between runs far apart, labels by
precision) and the network (only actors that take part in events, at most
--max-actors of them, labels that read at the report's width).

usage: pictures.py BIENNIEN EXAMPLES WORKDIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}'
REPORT_PX = 1366     # the figure's width in the report at a 1400 px window (1000 pt = 1333 px fit)
MIN_PX = 10          # the smallest label on screen

# Written for this test: dates 10, 11 and 13 January 2022 (a run with an
# empty day), 1 March 2022 (a break), March 2021 (a month) and 1936 (a year).
ARTICLES = [
    {"id": "a1", "date": "2022-01-14", "title": "Nga và NATO",
     "text": "Ngày 10/1/2022, Nga cảnh báo NATO về việc mở rộng.\nNgày 11/1/2022, Mỹ chỉ trích Nga.\n"
             "Ngày 13/1/2022, Ukraine kêu gọi NATO hỗ trợ."},
    {"id": "a2", "date": "2022-03-02", "title": "Hội đàm", "text": "Ngày 1/3/2022, Nga và Ukraine họp tại Belarus."},
    {"id": "a3", "date": "2021-05-02", "title": "Lịch sử",
     "text": "Năm 1936, Pháp ký thỏa thuận với Anh.\nTháng 3/2021, Mỹ chỉ trích Trung Quốc."},
]

n = 0
fails = 0


def check(desc, ok, detail=''):
    global n, fails
    n += 1
    print(('ok %d - %s' if ok else 'not ok %d - %s') % (n, desc) + ('' if ok or not detail else ': ' + str(detail)))
    fails += 0 if ok else 1


def build(binary, inputs, out, *opts):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([binary, 'build', '-q', *opts, *inputs, '-o', out], check=True)


def texts(svg_path, prefix):
    """{node id: (text, x, y)} of the first text of each node whose id starts with prefix."""
    root = ET.parse(svg_path).getroot()
    out = {}
    for g in root.iter(SVG + 'g'):
        gid = g.get('id', '')
        if g.get('class') == 'node' and gid.startswith(prefix):
            t = g.find('.//' + SVG + 'text')
            if t is not None:
                out[gid] = (t.text, float(t.get('x')), float(t.get('y')))
    return out


def timeline_axis(binary, work):
    src = os.path.join(work, 'axis.jsonl')
    with open(src, 'w', encoding='utf-8') as f:
        for a in ARTICLES:
            f.write(json.dumps(a, ensure_ascii=False) + '\n')
    out = os.path.join(work, 'axis')
    build(binary, [src], out)
    axis = {t: x for t, x, _ in texts(os.path.join(out, 'timeline.svg'), 'tl-axis_').values()}
    breaks = sorted(x for t, x, _ in texts(os.path.join(out, 'timeline.svg'), 'tl-break_label_').values())
    check('axis labels by precision', all(k in axis for k in ('1936', '3/2021', '10/1/2022', '11/1/2022',
                                                               '13/1/2022', '1/3/2022')), sorted(axis))
    check('a day of a run without events shown', '12/1/2022' in axis, sorted(axis))
    if all(k in axis for k in ('10/1/2022', '11/1/2022', '13/1/2022', '1/3/2022')):
        step = axis['11/1/2022'] - axis['10/1/2022']
        check('one step a day within a run', step > 100, step)
        check('13/1 three steps after 10/1', abs(axis['13/1/2022'] - axis['10/1/2022'] - 3 * step) < 0.5)
        check('12/1 between, two steps after 10/1', abs(axis.get('12/1/2022', 0) - axis['10/1/2022'] - 2 * step) < 0.5)
        check('a break between 13/1 and 1/3',
              any(axis['13/1/2022'] < x < axis['1/3/2022'] for x in breaks), breaks)
        check('1/3 nearer 13/1 than the time between would put it',
              axis['1/3/2022'] - axis['13/1/2022'] < 3 * step)
        check('breaks between 1936, 3/2021 and 10/1/2022',
              sum(axis['1936'] < x < axis['10/1/2022'] for x in breaks) == 2, breaks)
    labels = [t for t, _, _ in texts(os.path.join(out, 'timeline.svg'), 'tl-break_label_').values()]
    check('breaks say how long', all(re.fullmatch(r'≈ \d+ (năm|tháng|tuần|ngày)', t) for t in labels) and
          '≈ 7 tuần' in labels, labels)


# Written for this test: Russia acts on four days of one ISO week (four
# types) and once in each of four other weeks.
LANE = {"id": "l1", "date": "2022-03-20", "title": "Nga",
        "text": "Ngày 3/2/2022, Nga cảnh báo Mỹ.\nNgày 4/2/2022, Nga chỉ trích NATO.\n"
                "Ngày 5/2/2022, Nga kêu gọi Ukraine đàm phán.\nNgày 6/2/2022, Nga bác bỏ đề nghị của Pháp.\n"
                "Ngày 10/2/2022, Nga cảnh báo Anh.\nNgày 17/2/2022, Nga chỉ trích Đức.\n"
                "Ngày 24/2/2022, Nga cảnh báo Ba Lan.\nNgày 3/3/2022, Nga chỉ trích Litva."}


def lanes_compressed(binary, work):
    src = os.path.join(work, 'lane.jsonl')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(json.dumps(LANE, ensure_ascii=False) + '\n')
    out = os.path.join(work, 'lane')
    build(binary, [src], out, '--bin', 'week')
    root = ET.parse(os.path.join(out, 'timeline.svg')).getroot()
    nodes = {g.get('id'): g for g in root.iter(SVG + 'g') if g.get('class') == 'node'}
    rest = nodes.get('tl-cell_0_0_rest')
    x = float(rest.find('.//' + SVG + 'text').get('x')) if rest is not None else None
    first_week = [k for k in nodes if (k.startswith('tl-cell_') or k.startswith('tl-ev-')) and
                  float(nodes[k].find('.//' + SVG + 'text').get('x')) == x]
    check('a full week in a lane of one-event weeks: two boxes', len(first_week) == 2, first_week)
    title = rest.find('.//' + SVG + 'a').get(XLINK + 'title') if rest is not None else ''
    check('... the second "+ 3 sự kiện khác", its tooltip naming the types',
          rest is not None and '+ 3 sự kiện khác' in ''.join(rest.itertext()) and 'chỉ trích' in title, title)
    band = nodes.get('tl-lane_0')
    ys = [float(p.split(',')[1]) for p in band.find(SVG + 'polygon').get('points').split()] if band is not None else [0]
    check('the lane two boxes high, not four (2 x 38 + 8 + 2 x 8 pt)', abs(max(ys) - min(ys) - 100) < 1,
          max(ys) - min(ys))


def acting(out):
    with open(os.path.join(out, 'timeline.json'), encoding='utf-8') as f:
        tl = json.load(f)
    related = {r[k] for r in tl['relations'] for k in ('source', 'target')}
    return {a['id'] for a in tl['actors'] if a['events'] > 0}, {a['id'] for a in tl['actors']}, related


def dot_nodes(out):
    nodes = []
    with open(os.path.join(out, 'graph.dot'), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\t("?)([^"\t]+)\1\t\[', line)   # a node statement: NAME<tab>[
            if m and '->' not in line and m.group(2) not in ('graph', 'node', 'edge'):
                nodes.append(m.group(2))
    return nodes


def network(binary, examples, work):
    out = os.path.join(work, 'net')
    build(binary, [os.path.join(examples, 'corpus')], out)
    act, every, related = acting(out)
    nodes = dot_nodes(out)
    check('some actors never act (the test means something)', len(every - act) > 0)
    check('graph.dot: every actor takes part in events', nodes and set(nodes) <= act, set(nodes) - act)
    check('some acting actors have no relation (the next test means something)', len(act - related) > 0)
    check('graph.dot: every actor with a relation, no loose one, under 60',
          set(nodes) == related and len(related) <= 60, (len(nodes), len(related)))
    legible(os.path.join(out, 'graph.svg'))
    out5 = os.path.join(work, 'net5')
    build(binary, [os.path.join(examples, 'corpus')], out5, '--max-actors', '5')
    nodes5 = dot_nodes(out5)
    check('--max-actors 5: five actors drawn', len(nodes5) == 5, nodes5)
    ends = set()
    with open(os.path.join(out5, 'graph.dot'), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\t"?([^"\t]+?)"? -> "?([^"\t]+?)"?\t\[', line)
            if m:
                ends.update(m.groups())
    check('--max-actors 5: each linked to another drawn', ends == set(nodes5), (ends, nodes5))
    check('graph.graphml keeps every actor', open(os.path.join(out5, 'graph.graphml'), encoding='utf-8').read()
          .count('<node ') == len(every))
    legible(os.path.join(out5, 'graph.svg'))
    # circo draws a ring whose size fewer labels do not reduce
    outc = os.path.join(work, 'netcirco')
    build(binary, [os.path.join(examples, 'corpus')], outc, '--layout', 'circo')
    legible(os.path.join(outc, 'graph.svg'), fits=False)
    bad = subprocess.run([binary, 'build', '-q', '--max-actors', '0', os.path.join(examples, 'corpus'), '-o',
                          os.path.join(work, 'bad')], capture_output=True, text=True)
    check('--max-actors 0: usage error, status 2', bad.returncode == 2 and '--max-actors' in bad.stderr, bad.stderr)


def legible(svg_path, fits=True):
    """The report shows graph.svg at its size (1 pt = 4/3 px), scrolled when wider than the page."""
    root = ET.parse(svg_path).getroot()
    width = float(root.get('width').replace('pt', ''))
    m = re.search(r'scale\(([\d.]+)', root.find(SVG + 'g').get('transform', ''))
    scale = float(m.group(1)) if m else 1.0
    shown = 1.0
    name = os.path.basename(os.path.dirname(svg_path))
    if fits:
        check(name + ': graph.svg at most 1000 pt wide, shown whole at %d px' % REPORT_PX, width <= 1000.5, width)
    else:
        check(name + ': graph.svg wider than the page rather than illegible', width > 1000.5, width)
    smallest, unnamed = None, []
    for g in root.iter(SVG + 'g'):
        if g.get('class') != 'node':
            continue
        t = g.find('.//' + SVG + 'text')
        a = g.find('.//' + SVG + 'a')
        if t is None:
            if a is None or not a.get(XLINK + 'title'):
                unnamed.append(g.get('id'))
            continue
        px = float(t.get('font-size')) * scale * 4 / 3 * shown
        smallest = px if smallest is None else min(smallest, px)
    check('labels at least %d px on screen' % MIN_PX, smallest is not None and smallest >= MIN_PX, smallest)
    check('an actor without a label is named by its tooltip', not unnamed, unnamed)


def main():
    binary, examples, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    timeline_axis(binary, work)
    lanes_compressed(binary, work)
    network(binary, examples, work)
    print('1..%d' % n)
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
