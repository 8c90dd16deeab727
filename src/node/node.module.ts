import { Module } from '@nestjs/common';
import { NodeResolver } from './node.resolver.js';
import { NodeService } from './node.service.js';

/** Relay's node(id) lookup across every feature's objects. */
@Module({ providers: [NodeService, NodeResolver] })
export class NodeModule {}
